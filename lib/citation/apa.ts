import { citationDate, fullTitle, listNames, oneLine, sentence } from "./format";
import { initials, splitName } from "./names";
import type { CitationAuthor, CitationData } from "./types";

// APA 7 §9.8: up to 20 authors; beyond that the first 19, an ellipsis, and the last.
const MAX_AUTHORS = 20;

function apaName(author: CitationAuthor): string {
  const name = splitName(author.nameEn);
  return "literal" in name ? name.literal : `${name.family}, ${initials(name.given)}`;
}

function apaAuthors({ authors, language }: CitationData): string {
  if (language === "ko") return authors.map((a) => oneLine(a.nameKo)).join(", ");
  const names = authors.map(apaName);
  if (names.length > MAX_AUTHORS) return `${names.slice(0, MAX_AUTHORS - 1).join(", ")}, . . . ${names.at(-1)}`;
  return listNames(names, language, "&");
}

/**
 * APA 7 reference for a report in a numbered series:
 * `Choi, W. (2024). Title (IFANS Perspectives 2024-14E). Institute. https://…`.
 * Titles keep their stored case; Korean papers keep their authors' Korean names.
 */
export function formatApa(data: CitationData): string {
  const { year } = citationDate(data.publishedAt);
  const work = `${fullTitle(data)} (${oneLine(data.seriesName)} ${oneLine(data.reportNumber)}).`;
  const authors = apaAuthors(data);
  // Korean style (KPA) writes "최우선 (2024)."; APA ends the author element with a period.
  const byline = !authors ? null : data.language === "ko" ? `${authors} (${year}).` : `${sentence(authors)} (${year}).`;
  const head = byline ? [byline, work] : [work, `(${year}).`];
  return [...head, sentence(oneLine(data.institution)), data.url].join(" ");
}
