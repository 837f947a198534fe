import type { Key, ReactNode } from "react";
import { Pagination } from "@/components/pagination";

type Props<Row> = {
  rows: Row[];
  /** Column headings, in order; `cells` renders the same columns. */
  headings: string[];
  /** Shown instead of the table when there are no rows; without it the table is shown empty. */
  empty?: string;
  rowKey: (row: Row) => Key;
  /** One row's cells. */
  cells: (row: Row) => ReactNode;
  /** Page links under the table, for a list read a page at a time; `query` holds the filters they keep. */
  pages?: { page: number; pageCount: number; basePath: string; query?: Record<string, string> };
};

/** A staff list (publications, authors, users, the logs) as a table, with its pagination. */
export function AdminTable<Row>({ rows, headings, empty, rowKey, cells, pages }: Props<Row>) {
  return (
    <>
      {rows.length === 0 && empty !== undefined ? (
        <p className="empty">{empty}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              {headings.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>{cells(r)}</tr>
            ))}
          </tbody>
        </table>
      )}
      {pages ? <Pagination {...pages} query={pages.query ?? {}} /> : null}
    </>
  );
}
