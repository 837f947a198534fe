import "server-only";
import { db } from "@/lib/db";
import { cachedQuery } from "./cached-query";
import { CATALOGUE_TAG } from "./publications";

/** What readers see of a series, and staff edit among the rest. */
export const seriesProfileSelect = {
  slug: true,
  nameKo: true,
  nameEn: true,
  descriptionKo: true,
  descriptionEn: true,
  reportPrefix: true,
} as const;

const seriesSelect = { id: true, ...seriesProfileSelect } as const;

const displayOrder = [{ sortOrder: "asc" as const }, { id: "asc" as const }];

/** The series readers can choose among (the catalogue's filter): every one not archived, in display order. */
export async function listSeries() {
  return db.series.findMany({ where: { archivedAt: null }, orderBy: displayOrder, select: seriesSelect });
}

/**
 * The series the site header links to: not archived, and not taken out of the
 * navigation. Every reader page asks, so it is cached until a series changes.
 */
const navigationSeries = cachedQuery(
  () =>
    db.series.findMany({
      where: { archivedAt: null, inNavigation: true },
      orderBy: displayOrder,
      select: { id: true, slug: true, nameKo: true, nameEn: true },
    }),
  ["navigation-series"],
  { revalidate: 300, tags: [CATALOGUE_TAG] },
);

export async function listNavigationSeries() {
  // Builds must not need the database: a page prerendered at build (the
  // language roots, not-found) gets its links when a series change revalidates it.
  if (process.env.NEXT_PHASE === "phase-production-build") return [];
  return navigationSeries();
}

/**
 * The editor's series choice: those not archived, plus the paper's own series
 * (`currentId`) even when archived, so editing an old paper keeps its series.
 */
export async function listSeriesForEditor(currentId?: number) {
  return db.series.findMany({
    where: currentId === undefined ? { archivedAt: null } : { OR: [{ archivedAt: null }, { id: currentId }] },
    orderBy: displayOrder,
    select: { id: true, nameKo: true, nameEn: true, reportNumberPattern: true },
  });
}

/** What a paper saved into this series must respect; null for an unknown series. */
export async function getSeriesRules(id: number) {
  return db.series.findUnique({ where: { id }, select: { reportNumberPattern: true, archivedAt: true } });
}

/** A series page: archived series keep theirs, so old links still work. */
export async function getSeriesBySlug(slug: string) {
  return db.series.findUnique({ where: { slug }, select: seriesSelect });
}

export type SeriesSummary = Awaited<ReturnType<typeof listSeries>>[number];
