import { stemmer } from "stemmer";
import { eng as englishStopwords } from "stopword";
import { stripKoreanEnding } from "./korean";

/**
 * How text becomes search tokens, the same for the index and for a query, so
 * the two always meet:
 *
 * - Hangul and Han (CJK) runs become syllable bigrams ("북러동맹" → 북러 러동
 *   동맹); a one-syllable run stays itself. Two runs with only spaces between
 *   add the pair across the space as a token of its own ("북러 동맹" → _러동,
 *   spacedPair): a query word of two pairs or more takes either form for each
 *   of its pairs, and so does a phrase for the pair where its words meet, so
 *   "북러 동맹" and "북러동맹" find each other (query.ts). A word of one pair
 *   takes only its own: "동맹" does not find "이동 맹점" (tokenizer 3; before,
 *   the pair across a space was a bigram like any other, and a one-syllable
 *   word found the end of a word followed by another, "핵" in "북핵 문제").
 * - The first syllable of every bigram is a token too (북 러 동): a one-syllable
 *   query word ("핵") is then one token, where it was a prefix (`'핵':*`) that
 *   made PostgreSQL gather every bigram starting with it before each index scan
 *   (42.8 ms against 8.5 at 100,000 papers). It matches exactly the papers the
 *   prefix matched: a syllable that starts a bigram, or stands alone.
 * - Other words (Latin, digits) are lower-cased and Porter-stemmed
 *   ("sanctions", "sanctioned" → "sanction"); English stopwords and single
 *   letters are dropped.
 * - Two neighbouring Latin words also give a shingle ("north_korea"), which
 *   is how a phrase is found from the index alone (no positions needed).
 */

export type Piece = { kind: "cjk" | "word"; text: string; start: number; end: number };

const STOPWORDS = new Set(englishStopwords);
const CJK = /[\p{Script=Hangul}\p{Script=Han}]/u;
// A letter, digit or mark of a word other than Korean or Chinese.
const WORD_CHAR = String.raw`(?![\p{Script=Hangul}\p{Script=Han}])[\p{L}\p{N}\p{M}]`;
// A run of CJK, or a run of other letters, digits and marks; anything else separates.
const PIECE = new RegExp(String.raw`[\p{Script=Hangul}\p{Script=Han}]+|(?:${WORD_CHAR})+`, "gu");
const ENDS_IN_WORD = new RegExp(`${WORD_CHAR}$`, "u");
// Between two pieces, these keep them neighbours (a phrase goes on); any other character ends it.
const JOINER = /^[\s\-'’·/]*$/u;
/** Longer "words" (a hash, a URL run together) are cut: PostgreSQL lexemes stop at 2 KB. */
const MAX_WORD = 60;

/** Whether the text between two pieces keeps them neighbours: one space, the common case, is answered without a regex. */
function joins(text: string, from: number, to: number): boolean {
  return (to - from === 1 && text.charCodeAt(from) === 32) || JOINER.test(text.slice(from, to));
}

/** Pieces of text with their offsets (for highlighting), and whether each continues the one before. */
export function pieces(text: string): (Piece & { joined: boolean })[] {
  const out: (Piece & { joined: boolean })[] = [];
  let previousEnd = -1;
  for (const p of textPieces(text)) {
    out.push({ ...p, joined: previousEnd >= 0 && joins(text, previousEnd, p.start) });
    previousEnd = p.end;
  }
  return out;
}

/** The pieces alone, without whether each continues the one before: for scanning long texts (snippets). */
export function* textPieces(text: string): Generator<Piece> {
  for (const m of text.matchAll(PIECE)) {
    yield { kind: CJK.test(m[0][0]!) ? "cjk" : "word", text: m[0], start: m.index, end: m.index + m[0].length };
  }
}

// The pieces' two kinds of run, matched from a given place (sticky).
const WORD_RUN = new RegExp(`(?:${WORD_CHAR})+`, "uy");
const CJK_RUN = /[\p{Script=Hangul}\p{Script=Han}]+/uy;

/** The non-CJK word (a piece of kind "word") that starts at `at` in `text`, or "" when none does: for an `at` that is not insideWord. */
export function wordAt(text: string, at: number): string {
  WORD_RUN.lastIndex = at;
  return WORD_RUN.exec(text)?.[0] ?? "";
}

/** Where the CJK piece holding the character at `at` begins and ends. */
export function cjkPieceAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0) {
    // The character before, a surrogate pair taken whole.
    const pair = start >= 2 && SURROGATE.test(text[start - 1]!) ? 2 : 1;
    if (!CJK.test(text.slice(start - pair, start))) break;
    start -= pair;
  }
  CJK_RUN.lastIndex = start;
  return { start, end: start + (CJK_RUN.exec(text)?.[0].length ?? 0) };
}

/** Whether the piece of `text` at `at` would be a word's middle, not its start: the character before goes on a non-CJK word. */
export function insideWord(text: string, at: number): boolean {
  return ENDS_IN_WORD.test(text.slice(Math.max(0, at - 2), at));
}

/**
 * Text NFKC leaves as it is, whatever surrounds it: ASCII, Hangul syllables,
 * CJK unified ideographs and the common dashes, quotes and middle dot (none
 * of them decomposes, and no two of them compose). Most of a paper is only
 * these, and such text skips the normalizer: a page of results' snippets
 * normalizes hundreds of KB of text, and telling this costs about half of
 * normalizing it (README Performance).
 */
const NFKC_AS_IS = /^[\x00-\x7F\u00B7\u2013\u2014\u2018\u2019\u201C\u201D\u4E00-\u9FFF\uAC00-\uD7A3]*$/;

/** NFKC (full-width letters, compatibility jamo) and lower case: the form every token is made from. */
export function normalize(text: string): string {
  return (NFKC_AS_IS.test(text) ? text : text.normalize("NFKC")).toLowerCase();
}

/** The token of a non-CJK word, or null for a stopword or a single letter. */
export function wordToken(word: string): string | null {
  const w = word.slice(0, MAX_WORD);
  if (STOPWORDS.has(w)) return null;
  if (/^\p{N}+$/u.test(w)) return w;
  if ([...w].length < 2) return null;
  return /^[a-z]+$/.test(w) ? stemmer(w) : w;
}

/** Syllable bigrams of a CJK run (itself when one syllable). */
export function bigrams(run: string): string[] {
  const s = [...run];
  if (s.length === 1) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s[i]! + s[i + 1]!);
  return out;
}

/**
 * A syllable pair found across a space between two Korean words, as the index
 * holds it: marked so that it is never the same token as the pair inside a
 * word, and so that no prefix of a syllable (`'핵':*`) matches it. A piece of
 * text is letters and digits only, so no other token starts with "_".
 */
export function spacedPair(pair: string): string {
  return `_${pair}`;
}

/**
 * The forms of each token a paper must hold for query word `w` (any one form
 * of each): a pair of a Korean word of two pairs or more may be written across
 * a space ("북러 동맹" for "북러동맹"); a word of one pair, a one-syllable word
 * and any other word have only their own.
 */
export function tokenForms(w: QueryWord): string[][] {
  return w.kind === "cjk" && w.tokens.length > 1 ? w.tokens.map(eitherSpacing) : w.tokens.map((t) => [t]);
}

/** The forms of the token joining `w` to the word before (a phrase), if any: a Korean pair inside a word or across a space. */
export function joinForms(w: QueryWord): string[] | null {
  if (!w.join) return null;
  return w.kind === "cjk" ? eitherSpacing(w.join) : [w.join];
}

/** A Korean pair as written inside a word and across a space. */
const eitherSpacing = (pair: string) => [pair, spacedPair(pair)];

/** UTF-16 surrogates: a run holding none can be cut into syllables by index. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A bigram and its first syllable (the module comment), the syllable first: at
 * the limit, a paper keeps a syllable its text holds rather than a bigram whose
 * syllable a one-syllable query would then miss.
 */
function addBigram(into: Set<string>, limit: number, first: string, bigram: string) {
  if (into.size < limit) into.add(first);
  if (into.size < limit) into.add(bigram);
}

/**
 * Every token a text gives the index: bigrams, stems and shingles, each once;
 * at most `limit` in `into`. One pass over the text, with no object per word:
 * a whole catalogue goes through here on a rebuild (40 ms a real-size paper
 * before, most of it in the pieces' objects and the collector).
 */
export function indexTokens(text: string, into = new Set<string>(), limit = Infinity): Set<string> {
  const t = normalize(text);
  // A word's token, once per distinct word of this text (the stemmer is the costly part).
  const tokenOf = new Map<string, string | null>();
  let previousKind: Piece["kind"] | null = null;
  let previousLast = "";
  let previousEnd = -1;
  for (const m of t.matchAll(PIECE)) {
    if (into.size >= limit) break;
    const piece = m[0];
    const joined = previousEnd >= 0 && joins(t, previousEnd, m.index);
    previousEnd = m.index + piece.length;
    if (CJK.test(piece[0]!)) {
      // The pair across the space, as a token of its own: no syllable of it starts a word here.
      if (previousKind === "cjk" && joined && into.size < limit) {
        into.add(spacedPair(previousLast + String.fromCodePoint(piece.codePointAt(0)!)));
      }
      if (SURROGATE.test(piece)) {
        const syllables = [...piece];
        if (syllables.length === 1) into.add(piece);
        for (let i = 0; i + 1 < syllables.length; i++) addBigram(into, limit, syllables[i]!, syllables[i]! + syllables[i + 1]!);
        previousLast = syllables.at(-1)!;
      } else {
        // A slice of two characters is a flat string of its own, cheaper to hash than a concatenation.
        const n = piece.length;
        if (n === 1) into.add(piece);
        for (let i = 0; i + 1 < n; i++) addBigram(into, limit, piece[i]!, piece.slice(i, i + 2));
        previousLast = piece[n - 1]!;
      }
      previousKind = "cjk";
      continue;
    }
    let token = tokenOf.get(piece);
    if (token === undefined) tokenOf.set(piece, (token = wordToken(piece)));
    if (token === null) continue; // a stopword: the words around it stay neighbours
    if (previousKind === "word" && joined && into.size < limit) into.add(`${previousLast}_${token}`);
    if (into.size < limit) into.add(token);
    previousKind = "word";
    previousLast = token;
  }
  return into;
}

/** One word of a query: the tokens a paper must hold, and the exact form's (for ranking the exact form higher). */
export type QueryWord = {
  /** All required (AND): the bigrams of the word without its particle, or its stem. */
  tokens: string[];
  /** What is left of the word once its particle is dropped (the Porter stem for other words): what a snippet marks. */
  stem: string;
  /** A one-syllable Korean word: it finds the bigrams it starts ("북" finds "북한"), as a token of its own or a prefix (query.ts). */
  oneSyllable: boolean;
  kind: Piece["kind"];
  /** The word as typed, normalized: its bigrams, for the exact-form bonus. */
  exact: string[];
  /** The shingle or cross-space bigram joining it to the word before, if any. */
  join: string | null;
  /** Its first and last characters' tokens, for the join. */
  first: string;
  last: string;
};

/** At most this many words count: a pasted paragraph searches for its beginning. */
export const MAX_QUERY_WORDS = 12;

/** The words of a query, as the index holds them. */
export function queryWords(q: string): QueryWord[] {
  const out: QueryWord[] = [];
  let previous: QueryWord | null = null;
  for (const p of pieces(normalize(q))) {
    if (out.length >= MAX_QUERY_WORDS) break;
    let word: QueryWord;
    if (p.kind === "cjk") {
      const stem = stripKoreanEnding(p.text);
      const chars = [...p.text];
      word = {
        kind: "cjk",
        tokens: bigrams(stem),
        stem,
        oneSyllable: [...stem].length === 1,
        exact: bigrams(p.text),
        join: null,
        first: chars[0]!,
        last: chars.at(-1)!,
      };
      if (previous?.kind === "cjk" && p.joined) word.join = previous.last + word.first;
    } else {
      const token = wordToken(p.text);
      if (token === null) continue;
      word = {
        kind: "word",
        tokens: [token],
        stem: token,
        oneSyllable: false,
        exact: [token],
        join: null,
        first: token,
        last: token,
      };
      if (previous?.kind === "word" && p.joined) word.join = `${previous.last}_${token}`;
    }
    out.push(word);
    previous = word;
  }
  return out;
}

/** Text's words as typed (lower case, no stemming), single-spaced: two texts with the same words in the same order compare equal. */
export function exactKey(text: string): string {
  return pieces(normalize(text))
    .map((p) => p.text)
    .join(" ");
}

/** A report number as typed or cited ("2024-14E", "IFANS Perspectives 2024-14e"): NFKC, lower case, single spaces. */
export function numberKey(text: string): string {
  return normalize(text).replace(/\s+/g, " ").trim();
}
