import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { getPublicationStats } from "@/lib/data/stats";
import { parseRouteId } from "@/lib/http/route-params";
import { statsRangeQuery } from "@/lib/stats/period";
import { firstValues } from "@/lib/validations/publications";
import { formatNumber } from "@/lib/format";
import { DailyFigure } from "../../_components/daily-figure";
import { pickRange, RangePicker } from "../../_components/range-picker";
import { StatFigures } from "../../_components/stat-figures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Stats");
  return { title: t("title") };
}

export default async function PublicationStatsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/stats/publications/[id]">) {
  const { locale, id: segment } = await params;
  const basePath = `/${locale}/admin/stats/publications/${encodeURIComponent(segment)}`;
  await requirePagePermission("stats:read", locale, basePath);
  const id = parseRouteId(segment);
  if (id === null) notFound();
  const picked = pickRange(firstValues(await searchParams));
  const { range } = picked;
  const [t, stats] = await Promise.all([getTranslations("Stats"), getPublicationStats(id, range)]);
  if (!stats) notFound();
  const { publication } = stats;
  const kept = statsRangeQuery(range);
  return (
    <>
      <p>
        <Link href={`/${locale}/admin/stats?${kept}`}>← {t("backToOverview")}</Link>
      </p>
      <p className="admin-table__sub">{t("title")}</p>
      <h1 lang={publication.language}>{publication.title}</h1>
      <p className="admin-table__sub">
        {locale === "ko" ? publication.series.nameKo : publication.series.nameEn} · {publication.series.reportPrefix}{" "}
        {publication.reportNumber} · {t(`languages.${publication.language}`)}
      </p>
      <RangePicker basePath={basePath} locale={locale} {...picked} />
      <div className="stats-columns">
        <section aria-labelledby="stats-period-totals-title" className="panel">
          <h2 id="stats-period-totals-title">{t("inPeriod")}</h2>
          <StatFigures locale={locale} totals={stats.totals} />
        </section>
        <section aria-labelledby="stats-all-time-title" className="panel">
          <h2 id="stats-all-time-title">{t("allTime")}</h2>
          <StatFigures locale={locale} totals={stats.allTime} more={[{ label: t("publicHits"), value: stats.publicHits }]} />
          <p className="field__hint">
            {t("publicHitsExplained", {
              baseHits: formatNumber(stats.baseHits, locale),
              views: formatNumber(stats.allTime.views, locale),
            })}
          </p>
        </section>
      </div>
      <DailyFigure
        daily={stats.daily}
        locale={locale}
        csvHref={`/${locale}/admin/stats/export/publication-daily?${statsRangeQuery(range, { id: String(id) })}`}
      />
    </>
  );
}
