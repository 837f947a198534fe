import { exactKey, indexTokens } from "./tokens";

/** What a paper's search document is made of (one language version: its twin has its own). */
export type PaperText = {
  reportNumber: string;
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
};

export type DocumentTokens = {
  title: string[];
  head: string[];
  body: string[];
  pdf: string[];
  every: string[];
  titleKey: string;
};

/**
 * Distinct tokens kept per part. A PostgreSQL tsvector holds at most 1 MB; a
 * long paper's body or PDFs rarely have more than a few thousand distinct
 * tokens, and past these counts (the first so many of the text) the rest adds
 * little a reader would search for.
 */
export const MAX_TOKENS = { body: 20_000, pdf: 25_000 } as const;

/** A paper's text as the index's four parts, and their union (what a search matches on). */
export function documentTokens(p: PaperText): DocumentTokens {
  const title = indexTokens([p.title, p.subtitle ?? "", p.reportNumber].join("\n"));
  const head = indexTokens([p.summary, ...p.authorNames, ...p.topicNames, ...p.regionNames, ...p.seriesNames].join("\n"));
  const body = indexTokens(p.body, new Set(), MAX_TOKENS.body);
  const pdf = new Set<string>();
  for (const text of p.pdfTexts) indexTokens(text, pdf, MAX_TOKENS.pdf);
  const every = new Set([...title, ...head, ...body, ...pdf]);
  return { title: [...title], head: [...head], body: [...body], pdf: [...pdf], every: [...every], titleKey: exactKey(p.title) };
}
