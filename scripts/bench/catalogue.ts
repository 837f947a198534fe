// Generates the benchmark catalogue straight in SQL: thousands of publications
// in both languages, with authors, tags and one stored PDF each.
import { createHash } from "node:crypto";
import { link, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { LocalStorage } from "@/lib/storage/local";
import { generatePdf } from "@/prisma/seed/pdf";

const BODY = [1, 2, 3, 4, 5, 6]
  .map(
    (n) =>
      `## ${n}. Section ${n}\n\n${"This paragraph weighs the alliance, the region and the options for policy in measured terms. ".repeat(9)}`,
  )
  .join("\n\n");

// Titles and summaries combine a vocabulary, so that a search word matches a
// realistic share of the catalogue (a few per cent), not every paper.
export const TOPICS_EN = [
  "alliance",
  "sanctions",
  "energy",
  "trade",
  "maritime security",
  "cyber",
  "nuclear policy",
  "climate",
  "migration",
  "development aid",
  "diplomacy",
  "technology",
  "finance",
  "public health",
  "food security",
  "space",
  "the Arctic",
  "semiconductors",
  "supply chains",
  "human rights",
  "peacekeeping",
  "arms control",
  "infrastructure",
  "education",
];
export const REGIONS_EN = [
  "Korea",
  "Japan",
  "China",
  "Russia",
  "ASEAN",
  "Europe",
  "the Middle East",
  "Africa",
  "Latin America",
  "India",
  "the Pacific Islands",
  "Central Asia",
];
export const TOPICS_KO = [
  "동맹",
  "제재",
  "에너지",
  "통상",
  "해양안보",
  "사이버",
  "핵정책",
  "기후",
  "이주",
  "개발협력",
  "외교",
  "기술",
  "금융",
  "보건",
  "식량안보",
  "우주",
  "북극",
  "반도체",
  "공급망",
  "인권",
  "평화유지",
  "군비통제",
  "인프라",
  "교육",
];
export const REGIONS_KO = [
  "한국",
  "일본",
  "중국",
  "러시아",
  "아세안",
  "유럽",
  "중동",
  "아프리카",
  "중남미",
  "인도",
  "태평양 도서국",
  "중앙아시아",
];

/**
 * Words the generated bodies and PDF texts are made of, so that each paper's
 * text is its own and a search word matches some papers, not all: picked
 * skewed toward the start of each list (a few words common, most rare), as
 * words are in real papers.
 */
export const TEXT_WORDS_EN = (
  "policy security alliance cooperation economy region strategy government trade energy deterrence diplomacy " +
  "sanctions summit negotiation treaty missile nuclear peninsula maritime climate technology investment supply " +
  "resilience infrastructure governance election parliament minister president defence budget export import " +
  "tariff currency inflation growth market industry semiconductor battery hydrogen mineral shipping port canal " +
  "fisheries border refugee migration humanitarian development assistance loan debt bank finance crisis conflict " +
  "ceasefire peacekeeping insurgency terrorism cyber satellite space arctic ocean coast island archipelago strait " +
  "corridor pipeline grid reactor uranium enrichment verification inspection protocol convention charter council " +
  "resolution veto coalition partnership dialogue summitry envoy embassy consulate visa student university research " +
  "innovation startup platform data privacy surveillance misinformation election campaign referendum constitution " +
  "court judiciary reform corruption transparency accountability federalism devolution municipality province"
).split(" ");
export const TEXT_WORDS_KO = (
  "정책 안보 동맹 협력 경제 지역 전략 정부 통상 에너지 억제 외교 제재 정상회담 협상 조약 미사일 핵 한반도 해양 " +
  "기후 기술 투자 공급망 회복력 인프라 거버넌스 선거 의회 장관 대통령 국방 예산 수출 수입 관세 통화 물가 성장 " +
  "시장 산업 반도체 배터리 수소 광물 해운 항만 운하 어업 국경 난민 이주 인도주의 개발 원조 차관 부채 은행 금융 " +
  "위기 분쟁 휴전 평화유지 테러 사이버 위성 우주 북극 대양 연안 섬 해협 회랑 송유관 전력망 원자로 우라늄 농축 " +
  "검증 사찰 의정서 협약 헌장 이사회 결의 거부권 연합 동반자 대화 특사 대사관 영사관 비자 유학생 대학 연구 혁신"
).split(" ");

/** Pages of text in each generated paper's PDF. */
const PDF_TEXT_PAGES = 4;

/**
 * SQL for text of `words` words, different for every paper: `key` is an SQL
 * expression unique to the paper and the part (section or page).
 */
function wordsSql(vocabulary: string, key: string, words: number): string {
  // (hash mod 1000)^2 / 1000 skews the index toward the list's start.
  return `(SELECT string_agg(${vocabulary}[1 + floor(((((${key})::bigint * 7919 + k * 104729) % 1000) ^ 2) / 1000 * array_length(${vocabulary}, 1) / 1000)::int], ' ')
    FROM generate_series(1, ${words}) k)`;
}

export async function generateCatalogue(url: string, storageDir: string, size: number, log: (m: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Author" ("nameKo", "nameEn", "positionEn", "updatedAt")
      SELECT '저자' || i, 'AUTHOR Number' || i, 'Research Fellow', now() FROM generate_series(1, 300) i`);
    const { rows: bounds } = await client.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) AS hi FROM "Author"`);
    const { lo, hi } = bounds[0]!;
    // Odd rows Korean, even rows their English translations; ids are fixed so pairs can point at each other.
    await client.query(
      `INSERT INTO "Publication" (id, "seriesId", "reportNumber", language, "translationId", title, summary, body, status, "publishedAt", "baseHits", "updatedAt")
       SELECT 1000000 + i, (SELECT id FROM "Series" ORDER BY id OFFSET (i % 3) LIMIT 1), 'B' || ((i + 1) / 2),
              CASE WHEN i % 2 = 1 THEN 'ko'::"Language" ELSE 'en'::"Language" END,
              CASE WHEN i % 2 = 0 THEN 1000000 + i - 1 END,
              CASE WHEN i % 2 = 1
                THEN ko.topic[1 + (i / 2) % 24] || '와 ' || ko.topic[1 + (i / 2 * 7 + 3) % 24] || ': ' || ko.region[1 + (i / 2 * 5) % 12] || '의 선택 ' || i
                ELSE initcap(en.topic[1 + (i / 2) % 24]) || ' and ' || en.topic[1 + (i / 2 * 7 + 3) % 24] || ' in ' || en.region[1 + (i / 2 * 5) % 12] || ': options ' || i END,
              CASE WHEN i % 2 = 1
                THEN '이 보고서는 ' || ko.topic[1 + (i / 2 * 11 + 5) % 24] || ' 문제를 다룬다. 벤치마크 논문 ' || i || '.'
                ELSE 'This paper weighs ' || en.topic[1 + (i / 2 * 11 + 5) % 24] || ' for policy makers. Benchmark paper ' || i || '.' END,
              (SELECT string_agg('## ' || sec || '. ' || ${wordsSql("tw", "i * 100 + sec", 4)} || E'\n\n' ||
                 ${wordsSql("tw", "i * 100 + 50 + sec", 60)} || '.', E'\n\n') FROM generate_series(1, 6) sec,
                 (SELECT CASE WHEN i % 2 = 1 THEN $6::text[] ELSE $7::text[] END AS tw) words),
              'published',
              now() - (i || ' minutes')::interval * 37, (i * 7919) % 20000, now()
       FROM generate_series(1, $1::int) i,
         (SELECT $2::text[] AS topic, $3::text[] AS region) en,
         (SELECT $4::text[] AS topic, $5::text[] AS region) ko`,
      [size, TOPICS_EN, REGIONS_EN, TOPICS_KO, REGIONS_KO, TEXT_WORDS_KO, TEXT_WORDS_EN],
    );
    await client.query(`SELECT setval(pg_get_serial_sequence('"Publication"', 'id'), (SELECT max(id) FROM "Publication"))`);
    await client.query(
      `INSERT INTO "Authorship" ("publicationId", "authorId", position)
       SELECT 1000000 + i, $1::int + (i % ($2::int - $1::int + 1)), 0 FROM generate_series(1, $3::int) i
       UNION ALL
       SELECT 1000000 + i, $1::int + ((i * 13 + 5) % ($2::int - $1::int + 1)), 1 FROM generate_series(1, $3::int) i
       WHERE i % 3 = 0 AND (i * 13 + 5) % ($2::int - $1::int + 1) <> i % ($2::int - $1::int + 1)`,
      [lo, hi, size],
    );
    await client.query(
      `INSERT INTO "PublicationTopic" ("publicationId", "topicId")
      SELECT 1000000 + i, (SELECT id FROM "Topic" ORDER BY id OFFSET (i % 7) LIMIT 1) FROM generate_series(1, $1::int) i`,
      [size],
    );
    await client.query(
      `INSERT INTO "PublicationRegion" ("publicationId", "regionId")
      SELECT 1000000 + i, (SELECT id FROM "Region" ORDER BY id OFFSET (i % 8) LIMIT 1) FROM generate_series(1, $1::int) i`,
      [size],
    );

    // One real PDF, hard-linked under a key per attachment: real files without writing thousands of copies.
    const pdf = await generatePdf({
      label: "BENCHMARK B-1",
      seriesName: "Benchmark",
      title: "Benchmark attachment",
      authors: ["AUTHOR Number1"],
      date: "2026-01-01",
      summary: "A generated attachment.",
      language: "en",
      body: BODY,
    });
    const storage = new LocalStorage(storageDir);
    // A file system allows some 65,000 links to one file: one original per 50,000 attachments.
    const original = (i: number) => path.join(storageDir, `bench/original-${Math.floor((i - 1) / 50_000)}`);
    for (let i = 1; i <= size; i += 50_000) await storage.put(path.relative(storageDir, original(i)), pdf.bytes);
    await mkdir(path.join(storageDir, "bench/files"), { recursive: true });
    const sha = createHash("sha256").update(pdf.bytes).digest("hex");
    await client.query(
      // Each paper's PDF text its own: PDF_TEXT_PAGES pages of words in the paper's language, apart by form feeds.
      `INSERT INTO "Attachment" ("publicationId", "fileName", "byteSize", sha256, "mediaType", "pageCount", "storageKey", "extractedText")
       SELECT 1000000 + i, 'BENCH ' || i || '.pdf', $1, $2, 'application/pdf', $3, 'bench/files/' || i,
         (SELECT string_agg(${wordsSql("tw", "i * 100 + 80 + pg", 120)}, chr(12)) FROM generate_series(1, ${PDF_TEXT_PAGES}) pg,
           (SELECT CASE WHEN i % 2 = 1 THEN $5::text[] ELSE $6::text[] END AS tw) words)
       FROM generate_series(1, $4::int) i`,
      [pdf.bytes.length, sha, pdf.pageCount, size, TEXT_WORDS_KO, TEXT_WORDS_EN],
    );
    for (let i = 1; i <= size; i++) await link(original(i), path.join(storageDir, `bench/files/${i}`));
    await client.query("COMMIT");
    // Settle the database as a live one would be: statistics, visibility map, and
    // the trigram indexes' pending lists merged (autovacuum would otherwise do it mid-run).
    await client.query("VACUUM (ANALYZE)");
    log(`Generated ${size} publications with authors, tags and PDFs in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * Catalogue searches a page cache cannot answer: each request a different
 * combination of search words (topics, regions, author names, words of the
 * bodies and PDFs alone, in pairs and mixing Korean and English, a word no
 * paper has), series, year and page, in a fixed shuffled order.
 */
export function searchPaths(seriesSlugs: string[]): string[] {
  const words: [string, string][] = [
    ...TOPICS_EN.map((w): [string, string] => ["en", w]),
    ...REGIONS_EN.map((w): [string, string] => ["en", w]),
    ...TOPICS_KO.map((w): [string, string] => ["ko", w]),
    ...REGIONS_KO.map((w): [string, string] => ["ko", w]),
    ...Array.from({ length: 20 }, (_, i): [string, string] => ["en", `AUTHOR Number${i * 13 + 7}`]),
    ["en", "zeitgeist"],
    ["ko", "존재하지않는말"],
    // Words of the bodies and PDFs, alone, in pairs and with the other script: full-text queries.
    ...Array.from({ length: 40 }, (_, i): [string, string] => [
      "en",
      `${TEXT_WORDS_EN[(i * 17) % TEXT_WORDS_EN.length]} ${TEXT_WORDS_EN[(i * 31 + 7) % TEXT_WORDS_EN.length]}`,
    ]),
    ...Array.from({ length: 40 }, (_, i): [string, string] => [
      "ko",
      `${TEXT_WORDS_KO[(i * 13) % TEXT_WORDS_KO.length]}을 ${TEXT_WORDS_KO[(i * 29 + 3) % TEXT_WORDS_KO.length]}`,
    ]),
    ...Array.from({ length: 20 }, (_, i): [string, string] => [
      i % 2 ? "ko" : "en",
      `${TEXT_WORDS_KO[(i * 7) % TEXT_WORDS_KO.length]} ${TEXT_WORDS_EN[(i * 11) % TEXT_WORDS_EN.length]}`,
    ]),
  ];
  const thisYear = new Date().getFullYear();
  const paths: string[] = [];
  for (const [locale, q] of words) {
    for (const series of [undefined, ...seriesSlugs]) {
      for (let back = -1; back < 8; back++) {
        for (const page of [1, 2]) {
          const params = new URLSearchParams({ q });
          if (series) params.set("series", series);
          if (back >= 0) params.set("year", String(thisYear - back));
          if (page > 1) params.set("page", String(page));
          paths.push(`/${locale}/publications?${params.toString()}`);
        }
      }
    }
  }
  // A fixed shuffle (a linear congruential generator), so runs compare.
  let seed = 42;
  for (let i = paths.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return paths;
}
