import { stringify } from "csv-stringify/sync";
import { attachmentDisposition } from "./content-disposition";

export type CsvTable = { columns: { key: string; header: string }[]; rows: Record<string, string | number>[] };

// A cell Excel would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP "CSV injection").
const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A staff download as Excel opens it: UTF-8 with a byte order mark (Korean), CRLF records, formulas defused. */
export function csvDownload(name: string, { columns, rows }: CsvTable): Response {
  const body = stringify(rows, {
    bom: true, // Excel reads UTF-8 (Korean titles) only with a byte order mark.
    header: true,
    columns,
    record_delimiter: "windows",
    // With CRLF records a lone LF inside a title would otherwise go unquoted.
    quoted_match: /[\r\n]/,
    cast: { string: defuseFormula },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(name),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
