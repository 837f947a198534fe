import { citationDate, fullTitle, listNames, oneLine, sentence } from "./format";
import { splitName } from "./names";
import type { CitationAuthor, CitationData } from "./types";

// CMOS 17 §14.76: more than ten authors → the first seven, then "et al."
const MAX_AUTHORS = 10;
const LISTED_WHEN_TRUNCATED = 7;

function chicagoName(author: CitationAuthor, first: boolean): string {
  const name = splitName(author.nameEn);
  if ("literal" in name) return name.literal;
  return first ? `${name.family}, ${name.given}` : `${name.given} ${name.family}`;
}

function chicagoAuthors({ authors, language }: CitationData): string {
  if (language === "ko") return authors.map((a) => oneLine(a.nameKo)).join(", ");
  const names = authors.map((a, i) => chicagoName(a, i === 0));
  if (names.length > MAX_AUTHORS) return `${names.slice(0, LISTED_WHEN_TRUNCATED).join(", ")}, et al`;
  return listNames(names, language, "and");
}

/**
 * Chicago notes-bibliography, bibliography entry for a report:
 * `Choi, Wooseon. Title. IFANS Perspectives 2024-14E. Institute, 2024. https://….`
 */
export function formatChicago(data: CitationData): string {
  const { year } = citationDate(data.publishedAt);
  const authors = chicagoAuthors(data);
  return [
    ...(authors ? [sentence(authors)] : []),
    sentence(fullTitle(data)),
    sentence(`${oneLine(data.seriesName)} ${oneLine(data.reportNumber)}`),
    `${oneLine(data.institution)}, ${year}.`,
    `${data.url}.`,
  ].join(" ");
}
