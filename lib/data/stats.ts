import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/generated/prisma/enums";
import type { StatsRange } from "@/lib/validations/stats";

// Every figure here is summed from DailyStat, the counted (robot- and double-click-filtered)
// views and downloads per Seoul day: the page, its chart and its CSV exports all read these functions.

/** Inclusive days, YYYY-MM-DD; already checked by parseStatsRange. */
export type DayRange = Pick<StatsRange, "from" | "to">;
export type StatTotals = { views: number; downloads: number };
export type DailyPoint = { day: string } & StatTotals;
export type SeriesBreakdownRow = { seriesId: number; nameKo: string; nameEn: string } & StatTotals;
export type LanguageBreakdownRow = { language: Language } & StatTotals;
export type TopPublicationRow = {
  id: number;
  title: string;
  reportNumber: string;
  language: Language;
  seriesNameKo: string;
  seriesNameEn: string;
} & StatTotals;

// SUM is bigint in PostgreSQL (and a BigInt from the driver); totals this portal sees fit a JS number.
type Summed = { views: bigint | number; downloads: bigint | number };
const totalsOf = (row: Summed | undefined): StatTotals => ({
  views: Number(row?.views ?? 0),
  downloads: Number(row?.downloads ?? 0),
});

const inRange = (range: DayRange, column = Prisma.sql`s.day`) =>
  Prisma.sql`${column} BETWEEN ${range.from}::date AND ${range.to}::date`;

/** Views and downloads over the range, all publications. */
export async function getTotals(range: DayRange): Promise<StatTotals> {
  const rows = await db.$queryRaw<Summed[]>`
    SELECT COALESCE(SUM(s.views), 0)::bigint AS views, COALESCE(SUM(s.downloads), 0)::bigint AS downloads
    FROM "DailyStat" s WHERE ${inRange(range)}`;
  return totalsOf(rows[0]);
}

async function dailySeries(range: DayRange, publicationId?: number): Promise<DailyPoint[]> {
  const onlyPublication = publicationId === undefined ? Prisma.empty : Prisma.sql`AND s."publicationId" = ${publicationId}`;
  const rows = await db.$queryRaw<({ day: string } & Summed)[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COALESCE(SUM(s.views), 0)::bigint AS views, COALESCE(SUM(s.downloads), 0)::bigint AS downloads
    FROM (SELECT g::date AS day FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') AS g) d
    LEFT JOIN "DailyStat" s ON s.day = d.day ${onlyPublication}
    GROUP BY d.day ORDER BY d.day`;
  return rows.map((r) => ({ day: r.day, ...totalsOf(r) }));
}

/** Every day of the range in order, days without any use as zeros. */
export function getDailySeries(range: DayRange): Promise<DailyPoint[]> {
  return dailySeries(range);
}

/** Every series, busiest first; series without use in the range show zeros. */
export async function getBreakdownBySeries(range: DayRange): Promise<SeriesBreakdownRow[]> {
  const rows = await db.$queryRaw<({ seriesId: number; nameKo: string; nameEn: string } & Summed)[]>`
    SELECT se.id AS "seriesId", se."nameKo", se."nameEn",
           COALESCE(SUM(s.views), 0)::bigint AS views, COALESCE(SUM(s.downloads), 0)::bigint AS downloads
    FROM "Series" se
    LEFT JOIN "Publication" p ON p."seriesId" = se.id
    LEFT JOIN "DailyStat" s ON s."publicationId" = p.id AND ${inRange(range)}
    GROUP BY se.id
    ORDER BY 4 DESC, 5 DESC, se."sortOrder", se.id`;
  return rows.map(({ views, downloads, ...series }) => ({ ...series, ...totalsOf({ views, downloads }) }));
}

/** Both publication languages, in the enum's order (Korean, English), zeros included. */
export async function getBreakdownByLanguage(range: DayRange): Promise<LanguageBreakdownRow[]> {
  const rows = await db.$queryRaw<({ language: Language } & Summed)[]>`
    SELECT l.language::text AS language,
           COALESCE(SUM(s.views), 0)::bigint AS views, COALESCE(SUM(s.downloads), 0)::bigint AS downloads
    FROM unnest(enum_range(NULL::"Language")) WITH ORDINALITY AS l(language, position)
    LEFT JOIN "Publication" p ON p.language = l.language
    LEFT JOIN "DailyStat" s ON s."publicationId" = p.id AND ${inRange(range)}
    GROUP BY l.language, l.position
    ORDER BY l.position`;
  return rows.map(({ language, ...summed }) => ({ language, ...totalsOf(summed) }));
}

/** The most viewed publications in the range (downloads break ties, then the older id), used ones only. */
export async function getTopPublications(range: DayRange, limit = 20): Promise<TopPublicationRow[]> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), 1000);
  const rows = await db.$queryRaw<(Omit<TopPublicationRow, "views" | "downloads"> & Summed)[]>`
    SELECT p.id, p.title, p."reportNumber", p.language::text AS language,
           se."nameKo" AS "seriesNameKo", se."nameEn" AS "seriesNameEn",
           SUM(s.views)::bigint AS views, SUM(s.downloads)::bigint AS downloads
    FROM "DailyStat" s
    JOIN "Publication" p ON p.id = s."publicationId"
    JOIN "Series" se ON se.id = p."seriesId"
    WHERE ${inRange(range)}
    GROUP BY p.id, se.id
    HAVING SUM(s.views) + SUM(s.downloads) > 0
    ORDER BY 7 DESC, 8 DESC, p.id
    LIMIT ${take}`;
  return rows.map(({ views, downloads, ...publication }) => ({ ...publication, ...totalsOf({ views, downloads }) }));
}

/**
 * One publication's use: its days in the range, their totals, the all-time
 * totals and the public "Hits" figure readers see (hits carried over from the
 * old platform + views counted here). Null when there is no such publication.
 */
export async function getPublicationStats(id: number, range: DayRange) {
  const publication = await db.publication.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      reportNumber: true,
      language: true,
      status: true,
      baseHits: true,
      viewCount: true,
      downloadCount: true,
      series: { select: { nameKo: true, nameEn: true, reportPrefix: true } },
    },
  });
  if (!publication) return null;
  const daily = await dailySeries(range, id);
  const { baseHits, viewCount, downloadCount, ...rest } = publication;
  return {
    publication: rest,
    daily,
    totals: daily.reduce<StatTotals>((t, d) => ({ views: t.views + d.views, downloads: t.downloads + d.downloads }), {
      views: 0,
      downloads: 0,
    }),
    allTime: { views: viewCount, downloads: downloadCount },
    baseHits,
    publicHits: baseHits + viewCount,
  };
}

export type PublicationStats = NonNullable<Awaited<ReturnType<typeof getPublicationStats>>>;
