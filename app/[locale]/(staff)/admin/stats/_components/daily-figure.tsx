import { useTranslations } from "next-intl";
import type { DailyPoint } from "@/lib/data/stats";
import { DailyChart } from "./daily-chart";
import { StatsPanel } from "./stats-panel";
import { ViewsDownloadsTable } from "./views-downloads-table";

/** The per-day chart with its text alternative: the same numbers as a table, and as CSV. */
export function DailyFigure({ daily, locale, csvHref }: { daily: DailyPoint[]; locale: string; csvHref: string }) {
  const t = useTranslations("Stats");
  const longDate = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" });
  const day = (iso: string | undefined) => (iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : "");
  return (
    <StatsPanel id="stats-daily-title" title={t("dailyTitle")} csvHref={csvHref}>
      <DailyChart
        data={daily}
        locale={locale}
        label={t("chartLabel", { from: day(daily[0]?.day), to: day(daily.at(-1)?.day) })}
        viewsLabel={t("views")}
        downloadsLabel={t("downloads")}
      />
      <details className="stats-details">
        <summary>{t("showTable")}</summary>
        <ViewsDownloadsTable
          rowHeader={t("day")}
          rows={daily.map((d) => ({
            key: d.day,
            label: <time dateTime={d.day}>{d.day}</time>,
            views: d.views,
            downloads: d.downloads,
          }))}
          locale={locale}
          caption={t("dailyTitle")}
        />
      </details>
    </StatsPanel>
  );
}
