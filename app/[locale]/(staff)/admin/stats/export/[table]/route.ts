import { getTranslations } from "next-intl/server";
import { authorizeRequest } from "@/lib/auth/session";
import {
  getBreakdownByLanguage,
  getBreakdownBySeries,
  getDailySeries,
  getPublicationStats,
  getTopPublications,
} from "@/lib/data/stats";
import { csvDownload, type CsvTable } from "@/lib/http/csv";
import { notFoundText, plainText } from "@/lib/http/responses";
import { parseRouteId } from "@/lib/http/route-params";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import type { StatsRange } from "@/lib/stats/period";
import { parseStatsRange } from "@/lib/validations/stats";

const TABLES = ["daily", "series", "language", "top", "publication-daily"] as const;
type Table = (typeof TABLES)[number];
const isTable = (value: string): value is Table => (TABLES as readonly string[]).includes(value);

type Csv = CsvTable & { name: string };
type StatsT = Awaited<ReturnType<typeof getTranslations<"Stats">>>;

async function build(table: Table, range: StatsRange, locale: Locale, t: StatsT, url: URL): Promise<Csv | Response> {
  const counts = [
    { key: "views", header: t("views") },
    { key: "downloads", header: t("downloads") },
  ];
  const days = `${range.from}_${range.to}`;
  switch (table) {
    case "daily":
      return {
        name: `stats-daily-${days}.csv`,
        columns: [{ key: "day", header: t("day") }, ...counts],
        rows: await getDailySeries(range),
      };
    case "series":
      return {
        name: `stats-series-${days}.csv`,
        columns: [{ key: "series", header: t("series") }, ...counts],
        rows: (await getBreakdownBySeries(range)).map((s) => ({
          series: locale === "ko" ? s.nameKo : s.nameEn,
          views: s.views,
          downloads: s.downloads,
        })),
      };
    case "language":
      return {
        name: `stats-language-${days}.csv`,
        columns: [{ key: "language", header: t("language") }, ...counts],
        rows: (await getBreakdownByLanguage(range)).map((l) => ({
          language: t(`languages.${l.language}`),
          views: l.views,
          downloads: l.downloads,
        })),
      };
    case "top":
      return {
        name: `stats-top-${days}.csv`,
        columns: [
          { key: "rank", header: t("rank") },
          { key: "title", header: t("publication") },
          { key: "series", header: t("series") },
          { key: "reportNumber", header: t("reportNumber") },
          { key: "language", header: t("language") },
          ...counts,
        ],
        rows: (await getTopPublications(range)).map((p, index) => ({
          rank: index + 1,
          title: p.title,
          series: locale === "ko" ? p.seriesNameKo : p.seriesNameEn,
          reportNumber: p.reportNumber,
          language: t(`languages.${p.language}`),
          views: p.views,
          downloads: p.downloads,
        })),
      };
    case "publication-daily": {
      const id = parseRouteId(url.searchParams.get("id") ?? "");
      if (id === null) return plainText(400, t("csvMissingId"));
      const stats = await getPublicationStats(id, range);
      if (!stats) return plainText(404, t("csvNoPublication"));
      return {
        name: `stats-publication-${id}-${stats.publication.reportNumber}-${stats.publication.language}-${days}.csv`,
        columns: [{ key: "day", header: t("day") }, ...counts],
        rows: stats.daily,
      };
    }
  }
}

/**
 * One statistics table as CSV, for the same period query as the page
 * (`?preset=30d`, or `?from=2026-01-01&to=2026-01-31`), from the same data functions:
 * /{locale}/admin/stats/export/{daily|series|language|top}, and publication-daily?id=….
 */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/admin/stats/export/[table]">) {
  const user = await authorizeRequest("stats:read");
  if (user instanceof Response) return user;
  const { locale, table } = await params;
  if (!isLocale(locale) || !isTable(table)) return notFoundText();
  const url = new URL(request.url);
  const t = await getTranslations({ locale, namespace: "Stats" });
  const { range, problem } = parseStatsRange({
    preset: url.searchParams.get("preset") ?? undefined,
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
  });
  if (problem) return plainText(400, t(`problems.${problem}`));
  const csv = await build(table, range, locale, t, url);
  if (csv instanceof Response) return csv;
  return csvDownload(csv.name, csv);
}
