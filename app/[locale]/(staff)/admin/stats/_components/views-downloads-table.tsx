import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

type Row = { key: string; label: ReactNode; views: number; downloads: number };

type Props = {
  /** Heading of the first column (series, language, day). */
  rowHeader: string;
  rows: Row[];
  locale: string;
  /** Adds a total row at the foot. */
  withTotal?: boolean;
  labelledBy?: string;
  caption?: string;
};

/** Views and downloads per row: the one table shape of the statistics pages. */
export function ViewsDownloadsTable({ rowHeader, rows, locale, withTotal = false, labelledBy, caption }: Props) {
  const t = useTranslations("Stats");
  const number = new Intl.NumberFormat(locale);
  const total = (key: "views" | "downloads") => rows.reduce((n, r) => n + r[key], 0);
  return (
    <table className="admin-table stats-table" aria-labelledby={labelledBy}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          <th scope="col" className="stats-num">
            {t("views")}
          </th>
          <th scope="col" className="stats-num">
            {t("downloads")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="stats-num">{number.format(r.views)}</td>
            <td className="stats-num">{number.format(r.downloads)}</td>
          </tr>
        ))}
      </tbody>
      {withTotal ? (
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            <td className="stats-num">{number.format(total("views"))}</td>
            <td className="stats-num">{number.format(total("downloads"))}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
