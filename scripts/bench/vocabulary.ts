// The words the benchmark's generated papers are written in. Real papers use a
// few words everywhere and most words rarely (Zipf's law); a catalogue built
// from a couple of hundred words would put every search word in every paper
// and measure nothing a real archive sees.

/** The most frequent words, real ones, in rank order. */
const COMMON_EN = (
  "policy security alliance cooperation economy region strategy government trade energy deterrence diplomacy " +
  "sanctions summit negotiation treaty missile nuclear peninsula maritime climate technology investment supply " +
  "resilience infrastructure governance election parliament minister president defence budget export import " +
  "tariff currency inflation growth market industry semiconductor battery hydrogen mineral shipping port canal " +
  "fisheries border refugee migration humanitarian development assistance loan debt bank finance crisis conflict " +
  "ceasefire peacekeeping insurgency terrorism cyber satellite space arctic ocean coast island archipelago strait " +
  "corridor pipeline grid reactor uranium enrichment verification inspection protocol convention charter council " +
  "resolution veto coalition partnership dialogue summitry envoy embassy consulate visa student university research " +
  "innovation startup platform data privacy surveillance misinformation campaign referendum constitution " +
  "court judiciary reform corruption transparency accountability federalism devolution municipality province"
).split(" ");
const COMMON_KO = (
  "정책 안보 동맹 협력 경제 지역 전략 정부 통상 에너지 억제 외교 제재 정상회담 협상 조약 미사일 핵 한반도 해양 " +
  "기후 기술 투자 공급망 회복력 인프라 거버넌스 선거 의회 장관 대통령 국방 예산 수출 수입 관세 통화 물가 성장 " +
  "시장 산업 반도체 배터리 수소 광물 해운 항만 운하 어업 국경 난민 이주 인도주의 개발 원조 차관 부채 은행 금융 " +
  "위기 분쟁 휴전 평화유지 테러 사이버 위성 우주 북극 대양 연안 섬 해협 회랑 송유관 전력망 원자로 우라늄 농축 " +
  "검증 사찰 의정서 협약 헌장 이사회 결의 거부권 연합 동반자 대화 특사 대사관 영사관 비자 유학생 대학 연구 혁신"
).split(" ");

/** Words in each language's vocabulary: a real archive's order of magnitude of distinct content words. */
export const VOCABULARY_SIZE = 30_000;

/** A fixed pseudo-random sequence in [0, 1) (mulberry32), so every run builds the same catalogue. */
export function fixedSequence(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Made-up words, pronounceable and distinct, to fill the vocabulary's long tail after the real words. */
function madeUpWords(count: number, syllables: string[], endings: string[], taken: Set<string>, seed: number) {
  const next = fixedSequence(seed);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  const words: string[] = [];
  while (words.length < count) {
    const parts = next() < 0.5 ? 2 : 3;
    let w = "";
    for (let i = 0; i < parts; i++) w += pick(syllables);
    w += pick(endings);
    if (!taken.has(w)) {
      taken.add(w);
      words.push(w);
    }
  }
  return words;
}

function build(common: string[], syllables: string[], endings: string[], seed: number) {
  const taken = new Set(common);
  return [...common, ...madeUpWords(VOCABULARY_SIZE - common.length, syllables, endings, taken, seed)];
}

const SYLLABLES_EN =
  "ba be bo bra ca co cre da de di do dra fa fe fo ga ge go gra ha he ho ja ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe po pra ra re ri ro sa se si so sta ta te ti to tra va ve vi vo za ze zo".split(
    " ",
  );
const ENDINGS_EN = ["", "n", "r", "s", "l", "m", "nt", "rd", "x", "th"];
// Syllables spread over the whole Hangul block, as a language's are: Korean is
// indexed by syllable pairs, so a narrow set would put every pair in every paper.
const SYLLABLES_KO = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0xac00 + ((i * 2_741) % 11_172)));

/** Each language's words in rank order: the real common ones first, then the long tail. */
export const VOCABULARY = {
  en: build(COMMON_EN, SYLLABLES_EN, ENDINGS_EN, 7),
  ko: build(COMMON_KO, SYLLABLES_KO, [""], 11),
};

/**
 * A word at a rank drawn so that each power of ten of rank is equally likely:
 * searches for common words ("policy", in most papers) as often as for rare
 * ones (in a handful), since readers search for both.
 */
export function searchWord(language: "en" | "ko", draw: number): string {
  const words = VOCABULARY[language];
  return words[Math.min(words.length - 1, Math.floor(words.length ** draw) - 1)]!;
}

/** `count` words drawn by Zipf's law (rank = vocabulary size ^ u): a few everywhere, most rare. */
function zipfWords(words: string[], next: () => number, count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(words[Math.floor(words.length ** next()) - 1]!);
  return out.join(" ");
}

/** Sizes of a generated paper's text. */
export type TextShape = {
  sections: number;
  /** The body's length, drawn per paper between the two. */
  paperWords: [min: number, max: number];
  wordsPerParagraph: number;
  pdfPages: number;
  wordsPerPage: number;
};

/** Paper `n`'s body (Markdown, numbered sections of paragraphs) and its PDF's text (pages apart by form feeds), its own words. */
export function paperText(language: "en" | "ko", n: number, shape: TextShape) {
  const words = VOCABULARY[language];
  const next = fixedSequence(n * 2_654_435_761);
  const [min, max] = shape.paperWords;
  const perSection = Math.round((min + next() * (max - min)) / shape.sections);
  const paragraphs = (count: number) =>
    Array.from(
      { length: Math.ceil(count / shape.wordsPerParagraph) },
      (_, k) => `${zipfWords(words, next, Math.min(shape.wordsPerParagraph, count - k * shape.wordsPerParagraph))}.`,
    ).join("\n\n");
  const body = Array.from(
    { length: shape.sections },
    (_, s) => `## ${s + 1}. ${zipfWords(words, next, 4)}\n\n${paragraphs(perSection)}`,
  ).join("\n\n");
  const pdf = Array.from({ length: shape.pdfPages }, () => zipfWords(words, next, shape.wordsPerPage)).join("\f");
  return { body, pdf };
}
