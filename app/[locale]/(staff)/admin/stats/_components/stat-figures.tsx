import { useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";

type Props = {
  locale: string;
  totals: { views: number; downloads: number };
  /** Figures after views and downloads. */
  more?: { label: string; value: number }[];
};

/** Headline numbers (views, downloads, then any more) as a description list, formatted for the page's language. */
export function StatFigures({ locale, totals, more = [] }: Props) {
  const t = useTranslations("Stats");
  const items = [{ label: t("views"), value: totals.views }, { label: t("downloads"), value: totals.downloads }, ...more];
  return (
    <dl className="stats-figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{formatNumber(item.value, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
