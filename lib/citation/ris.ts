import { citationDate, fullTitle, oneLine } from "./format";
import { invertedName } from "./names";
import type { CitationData } from "./types";

// RIS lines end in CR LF, tags are "XX  - ", and a record closes with "ER  - ".
const EOL = "\r\n";
const pad = (n: number) => String(n).padStart(2, "0");

/** A RIS record (`TY  - RPRT` … `ER  - `), for EndNote, Zotero and Mendeley. */
export function formatRis(data: CitationData): string {
  const { year, month, day } = citationDate(data.publishedAt);
  const lines: [string, string][] = [
    ["TY", "RPRT"],
    ...data.authors.map((a): [string, string] => ["AU", invertedName(a, data.language)]),
    ["TI", fullTitle(data)],
    ["PY", String(year)],
    ["DA", `${year}/${pad(month)}/${pad(day)}`],
    ["PB", data.institution],
    ["T3", data.seriesName],
    ["M1", data.reportNumber],
    ["UR", data.url],
    ["LA", data.language === "ko" ? "Korean" : "English"],
  ];
  const body = lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`);
  return [...body, "ER  - "].join(EOL) + EOL;
}
