import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { getBreakdownByLanguage, getBreakdownBySeries, getDailySeries, getTopPublications, getTotals } from "@/lib/data/stats";
import { firstValues } from "@/lib/validations/publications";
import { parseStatsRange, siteToday, statsRangeQuery } from "@/lib/validations/stats";
import { ViewsDownloadsTable } from "./_components/views-downloads-table";
import { CsvLink } from "./_components/csv-link";
import { DailyFigure } from "./_components/daily-figure";
import { RangePicker } from "./_components/range-picker";
import { StatFigures } from "./_components/stat-figures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Stats");
  return { title: t("title") };
}

export default async function StatsPage({ params, searchParams }: PageProps<"/[locale]/admin/stats">) {
  const { locale } = await params;
  const basePath = `/${locale}/admin/stats`;
  await requirePagePermission("stats:read", locale, basePath);
  const query = firstValues(await searchParams);
  const today = siteToday();
  const { range, problem } = parseStatsRange(query, today);
  const [t, totals, daily, bySeries, byLanguage, top] = await Promise.all([
    getTranslations("Stats"),
    getTotals(range),
    getDailySeries(range),
    getBreakdownBySeries(range),
    getBreakdownByLanguage(range),
    getTopPublications(range),
  ]);
  const number = new Intl.NumberFormat(locale);
  const kept = statsRangeQuery(range);
  const csv = (table: string) => `/${locale}/admin/stats/export/${table}?${kept}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="stats-intro">{t("intro")}</p>
      <RangePicker
        basePath={basePath}
        locale={locale}
        range={range}
        today={today}
        problem={problem}
        submitted={{ from: query.from, to: query.to }}
      />
      <section aria-labelledby="stats-totals-title" className="panel">
        <h2 id="stats-totals-title">{t("totalsTitle")}</h2>
        <StatFigures
          locale={locale}
          items={[
            { label: t("views"), value: totals.views },
            { label: t("downloads"), value: totals.downloads },
          ]}
        />
      </section>
      <DailyFigure daily={daily} locale={locale} csvHref={csv("daily")} />
      <div className="stats-columns">
        <section aria-labelledby="stats-series-title" className="panel">
          <div className="stats-section-head">
            <h2 id="stats-series-title">{t("bySeries")}</h2>
            <CsvLink href={csv("series")} table={t("bySeries")} />
          </div>
          <ViewsDownloadsTable
            rowHeader={t("series")}
            rows={bySeries.map((s) => ({
              key: String(s.seriesId),
              label: locale === "ko" ? s.nameKo : s.nameEn,
              views: s.views,
              downloads: s.downloads,
            }))}
            locale={locale}
            withTotal
            labelledBy="stats-series-title"
          />
        </section>
        <section aria-labelledby="stats-language-title" className="panel">
          <div className="stats-section-head">
            <h2 id="stats-language-title">{t("byLanguage")}</h2>
            <CsvLink href={csv("language")} table={t("byLanguage")} />
          </div>
          <ViewsDownloadsTable
            rowHeader={t("language")}
            rows={byLanguage.map((l) => ({
              key: l.language,
              label: t(`languages.${l.language}`),
              views: l.views,
              downloads: l.downloads,
            }))}
            locale={locale}
            labelledBy="stats-language-title"
          />
        </section>
      </div>
      <section aria-labelledby="stats-top-title" className="panel">
        <div className="stats-section-head">
          <h2 id="stats-top-title">{t("topTitle")}</h2>
          <CsvLink href={csv("top")} table={t("topTitle")} />
        </div>
        {top.length === 0 ? (
          <p className="empty">{t("empty")}</p>
        ) : (
          <table className="admin-table stats-table" aria-labelledby="stats-top-title">
            <thead>
              <tr>
                <th scope="col" className="stats-num">
                  {t("rank")}
                </th>
                <th scope="col">{t("publication")}</th>
                <th scope="col">{t("reportNumber")}</th>
                <th scope="col">{t("language")}</th>
                <th scope="col" className="stats-num">
                  {t("views")}
                </th>
                <th scope="col" className="stats-num">
                  {t("downloads")}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((p, index) => (
                <tr key={p.id}>
                  <td className="stats-num">{number.format(index + 1)}</td>
                  <th scope="row">
                    <Link href={`/${locale}/admin/stats/publications/${p.id}?${kept}`} lang={p.language}>
                      {p.title}
                    </Link>
                    <div className="admin-table__sub">{locale === "ko" ? p.seriesNameKo : p.seriesNameEn}</div>
                  </th>
                  <td>{p.reportNumber}</td>
                  <td>{t(`languages.${p.language}`)}</td>
                  <td className="stats-num">{number.format(p.views)}</td>
                  <td className="stats-num">{number.format(p.downloads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
