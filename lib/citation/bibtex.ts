import { citationDate, fullTitle, oneLine } from "./format";
import { splitName } from "./names";
import type { CitationData } from "./types";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;

// One pass, so an inserted backslash is never escaped again. Braces become commands
// rather than \{ \}: BibTeX counts every brace, escaped or not, when it finds a field's end.
const SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Text safe inside a braced BibTeX field and in LaTeX. */
export function escapeBibtex(text: string): string {
  return oneLine(text).replace(/[\\{}&%$#_~^]/g, (ch) => SPECIALS[ch] ?? ch);
}

/** URLs go in verbatim (the url package reads them as is); only what would break the field is encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[\s{}\\]/g, (ch) => encodeURIComponent(ch));
}

function toAscii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/**
 * Stable ASCII key: first author's family name, year, report number
 * ("choi2024-14e"); the same for every download of the same paper.
 */
export function bibtexKey(data: CitationData): string {
  const { year } = citationDate(data.publishedAt);
  const first = data.authors[0];
  const name = first ? splitName(first.nameEn) : null;
  const family = toAscii(name ? ("literal" in name ? name.literal : name.family) : "") || "ifans";
  const number = oneLine(data.reportNumber)
    .toLowerCase()
    .replace(new RegExp(`^${year}-`), "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return number ? `${family}${year}-${number}` : `${family}${year}`;
}

function bibtexAuthor(data: CitationData, index: number): string {
  const author = data.authors[index];
  if (!author) return "";
  // Braces keep a name whole: BibTeX would otherwise split "최우선" or "IFANS and Partners" its own way.
  if (data.language === "ko") return `{${escapeBibtex(author.nameKo)}}`;
  const name = splitName(author.nameEn);
  return "literal" in name ? `{${escapeBibtex(name.literal)}}` : `${escapeBibtex(name.family)}, ${escapeBibtex(name.given)}`;
}

/** A `@techreport` entry, ending with a newline. */
export function formatBibtex(data: CitationData): string {
  const { year, month } = citationDate(data.publishedAt);
  const fields: [string, string][] = [];
  if (data.authors.length > 0) fields.push(["author", `{${data.authors.map((_a, i) => bibtexAuthor(data, i)).join(" and ")}}`]);
  fields.push(
    ["title", `{${escapeBibtex(fullTitle(data))}}`],
    ["institution", `{${escapeBibtex(data.institution)}}`],
    ["type", `{${escapeBibtex(data.seriesName)}}`],
    ["number", `{${escapeBibtex(data.reportNumber)}}`],
    ["year", `{${year}}`],
    ["month", MONTHS[month - 1] ?? `{${month}}`],
    ["url", `{${bibtexUrl(data.url)}}`],
    ["language", `{${data.language === "ko" ? "korean" : "english"}}`],
  );
  return `@techreport{${bibtexKey(data)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}\n`;
}
