import { useTranslations } from "next-intl";
import type { DailyPoint } from "@/lib/data/stats";
import { CsvLink } from "./csv-link";
import { DailyChart } from "./daily-chart";

/** The per-day chart with its text alternative: the same numbers as a table, and as CSV. */
export function DailyFigure({ daily, locale, csvHref }: { daily: DailyPoint[]; locale: string; csvHref: string }) {
  const t = useTranslations("Stats");
  const number = new Intl.NumberFormat(locale);
  const longDate = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" });
  const day = (iso: string | undefined) => (iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : "");
  return (
    <section aria-labelledby="stats-daily-title" className="panel">
      <div className="stats-section-head">
        <h2 id="stats-daily-title">{t("dailyTitle")}</h2>
        <CsvLink href={csvHref} table={t("dailyTitle")} />
      </div>
      <DailyChart
        data={daily}
        locale={locale}
        label={t("chartLabel", { from: day(daily[0]?.day), to: day(daily.at(-1)?.day) })}
        viewsLabel={t("views")}
        downloadsLabel={t("downloads")}
      />
      <details className="stats-details">
        <summary>{t("showTable")}</summary>
        <table className="admin-table stats-table">
          <caption className="visually-hidden">{t("dailyTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              <th scope="col" className="stats-num">
                {t("views")}
              </th>
              <th scope="col" className="stats-num">
                {t("downloads")}
              </th>
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.day}>
                <th scope="row">
                  <time dateTime={d.day}>{d.day}</time>
                </th>
                <td className="stats-num">{number.format(d.views)}</td>
                <td className="stats-num">{number.format(d.downloads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
