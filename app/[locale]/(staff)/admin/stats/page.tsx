import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { hasPortalServer } from "@/lib/edge/bridge";
import { getBreakdownByLanguage, getBreakdownBySeries, getDailySeries, getTopPublications, getTotals } from "@/lib/data/stats";
import { statsRangeQuery } from "@/lib/stats/period";
import { firstValues } from "@/lib/validations/publications";
import { formatNumber } from "@/lib/format";
import { ViewsDownloadsCells, ViewsDownloadsHeads, ViewsDownloadsTable } from "./_components/views-downloads-table";
import { DailyFigure } from "./_components/daily-figure";
import { pickRange, RangePicker } from "./_components/range-picker";
import { StatFigures } from "./_components/stat-figures";
import { StatsPanel } from "./_components/stats-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Stats");
  return { title: t("title") };
}

export default async function StatsPage({ params, searchParams }: PageProps<"/[locale]/admin/stats">) {
  const { locale } = await params;
  const basePath = `/${locale}/admin/stats`;
  await requirePagePermission("stats:read", locale, basePath);
  const picked = pickRange(firstValues(await searchParams));
  const { range } = picked;
  const [t, totals, daily, bySeries, byLanguage, top] = await Promise.all([
    getTranslations("Stats"),
    getTotals(range),
    getDailySeries(range),
    getBreakdownBySeries(range),
    getBreakdownByLanguage(range),
    getTopPublications(range),
  ]);
  const kept = statsRangeQuery(range);
  const csv = (table: string) => `/${locale}/admin/stats/export/${table}?${kept}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="stats-intro">{t("intro")}</p>
      {/* Under plain `next start` no server counts page views: the figures below would quietly fall behind. */}
      {!hasPortalServer() && (
        <p role="alert" className="notice notice--warning">
          {t("notCounting")}
        </p>
      )}
      <RangePicker basePath={basePath} locale={locale} {...picked} />
      <section aria-labelledby="stats-totals-title" className="panel">
        <h2 id="stats-totals-title">{t("totalsTitle")}</h2>
        <StatFigures locale={locale} totals={totals} />
      </section>
      <DailyFigure daily={daily} locale={locale} csvHref={csv("daily")} />
      <div className="stats-columns">
        <StatsPanel id="stats-series-title" title={t("bySeries")} csvHref={csv("series")}>
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
        </StatsPanel>
        <StatsPanel id="stats-language-title" title={t("byLanguage")} csvHref={csv("language")}>
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
        </StatsPanel>
      </div>
      <StatsPanel id="stats-top-title" title={t("topTitle")} csvHref={csv("top")}>
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
                <ViewsDownloadsHeads />
              </tr>
            </thead>
            <tbody>
              {top.map((p, index) => (
                <tr key={p.id}>
                  <td className="stats-num">{formatNumber(index + 1, locale)}</td>
                  <th scope="row">
                    <Link href={`/${locale}/admin/stats/publications/${p.id}?${kept}`} lang={p.language}>
                      {p.title}
                    </Link>
                    <div className="admin-table__sub">{locale === "ko" ? p.seriesNameKo : p.seriesNameEn}</div>
                  </th>
                  <td>{p.reportNumber}</td>
                  <td>{t(`languages.${p.language}`)}</td>
                  <ViewsDownloadsCells counts={p} locale={locale} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </StatsPanel>
    </>
  );
}
