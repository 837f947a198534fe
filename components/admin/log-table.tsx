import type { ReactNode } from "react";
import { Pagination } from "@/components/pagination";

type Props<Row> = {
  rows: Row[];
  /** Column headings, in order; `cells` renders the same columns. */
  headings: string[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  rowKey: (row: Row) => string;
  /** One row's <td> cells. */
  cells: (row: Row) => ReactNode;
  page: number;
  pageCount: number;
  basePath: string;
};

/** One page of a staff log (the audit log, the Send Email log) as a table, with its pagination. */
export function LogTable<Row>({ rows, headings, empty, rowKey, cells, page, pageCount, basePath }: Props<Row>) {
  return (
    <>
      {rows.length === 0 ? (
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
      <Pagination page={page} pageCount={pageCount} basePath={basePath} query={{}} />
    </>
  );
}
