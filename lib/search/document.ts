import { exactKey, indexTokens, numberKey } from "./tokens";

/** What a paper's search document is made of (one language version: its twin has its own). */
export type PaperText = {
  reportNumber: string;
  /** The series' report prefix ("IFANS PERSPECTIVES"), for the number as it is cited. */
  reportPrefix: string;
  title: string;
  subtitle: string | null;
  summary: string;
  body: string;
  seriesNames: string[];
  authorNames: string[];
  topicNames: string[];
  regionNames: string[];
  /** The extracted text of each PDF. */
  pdfTexts: string[];
  /** Its catalogue facts as lexemes (facts.ts), kept in every part's tokens. */
  facts: string[];
};

/**
 * The tokenizer's version, written with each document: 2 added each bigram's
 * first syllable (tokens.ts); 3 keeps the pair across a space between two
 * Korean words as a token of its own (tokens.ts: spacedPair). The migration
 * that brought a version queues every paper to be indexed again.
 */
export const TOKENIZER = 3;

/**
 * Searches ask for a one-syllable word as a token only once no document older
 * than this is left (query.ts: SyllableMatch; lib/data/search-tokenizer.ts,
 * with the partial index of those documents). Queries of tokenizer 3 find the
 * same papers in documents of 2 as before (a pair across a space was then a
 * bigram like any other), so 3 needs no such gate.
 */
export const SYLLABLE_TOKENS_SINCE = 2;

export type DocumentTokens = {
  title: string[];
  head: string[];
  body: string[];
  pdf: string[];
  titleKey: string;
  numberKeys: string[];
};

/**
 * Distinct tokens kept per part. A PostgreSQL tsvector holds at most 1 MB; a
 * long paper's body or PDFs rarely have more than a few thousand distinct
 * tokens, and past these counts (the first so many of the text) the rest adds
 * little a reader would search for.
 */
export const MAX_TOKENS = { body: 20_000, pdf: 25_000 } as const;

/**
 * A paper's text as the index's four parts, and the keys an exact title or
 * report number is known by. Each part also carries the paper's facts, so
 * that a filtered search asks each part's index for the words and the facts
 * at once (lib/data/search-ranking.ts: matchingDocumentsSql), instead of
 * testing the facts on every document holding the words.
 */
export function documentTokens(p: PaperText): DocumentTokens {
  const title = indexTokens([p.title, p.subtitle ?? "", p.reportNumber].join("\n"));
  const head = indexTokens([p.summary, ...p.authorNames, ...p.topicNames, ...p.regionNames, ...p.seriesNames].join("\n"));
  const body = indexTokens(p.body, new Set(), MAX_TOKENS.body);
  const pdf = new Set<string>();
  for (const text of p.pdfTexts) indexTokens(text, pdf, MAX_TOKENS.pdf);
  return {
    title: [...title, ...p.facts],
    head: [...head, ...p.facts],
    body: [...body, ...p.facts],
    pdf: [...pdf, ...p.facts],
    titleKey: exactKey(p.title),
    numberKeys: [p.reportNumber, `${p.reportPrefix} ${p.reportNumber}`].map(numberKey),
  };
}
