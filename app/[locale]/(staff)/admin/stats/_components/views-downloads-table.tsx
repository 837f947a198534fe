import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";

type Counts = { views: number; downloads: number };
type Row = Counts & { key: string; label: ReactNode };

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

/** The headings of the two number columns every statistics table ends with. */
export function ViewsDownloadsHeads() {
  const t = useTranslations("Stats");
  return (
    <>
      <th scope="col" className="stats-num">
        {t("views")}
      </th>
      <th scope="col" className="stats-num">
        {t("downloads")}
      </th>
    </>
  );
}

/** One row's two number cells, under ViewsDownloadsHeads. */
export function ViewsDownloadsCells({ counts, locale }: { counts: Counts; locale: string }) {
  return (
    <>
      <td className="stats-num">{formatNumber(counts.views, locale)}</td>
      <td className="stats-num">{formatNumber(counts.downloads, locale)}</td>
    </>
  );
}

/** Views and downloads per row: the one table shape of the statistics pages. */
export function ViewsDownloadsTable({ rowHeader, rows, locale, withTotal = false, labelledBy, caption }: Props) {
  const t = useTranslations("Stats");
  const total = (key: keyof Counts) => rows.reduce((n, r) => n + r[key], 0);
  return (
    <table className="admin-table stats-table" aria-labelledby={labelledBy}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          <ViewsDownloadsHeads />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <ViewsDownloadsCells counts={r} locale={locale} />
          </tr>
        ))}
      </tbody>
      {withTotal ? (
        <tfoot>
          <tr>
            <th scope="row">{t("total")}</th>
            <ViewsDownloadsCells counts={{ views: total("views"), downloads: total("downloads") }} locale={locale} />
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
