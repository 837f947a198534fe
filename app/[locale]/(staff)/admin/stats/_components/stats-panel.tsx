import type { ReactNode } from "react";
import { CsvLink } from "./csv-link";

type Props = { id: string; title: string; csvHref: string; children: ReactNode };

/** A panel of figures under its heading, with the same numbers as CSV beside the heading. */
export function StatsPanel({ id, title, csvHref, children }: Props) {
  return (
    <section aria-labelledby={id} className="panel">
      <div className="stats-section-head">
        <h2 id={id}>{title}</h2>
        <CsvLink href={csvHref} table={title} />
      </div>
      {children}
    </section>
  );
}
