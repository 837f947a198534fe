import "server-only";
import { db } from "@/lib/db";

const seriesSelect = {
  id: true,
  slug: true,
  nameKo: true,
  nameEn: true,
  descriptionKo: true,
  descriptionEn: true,
  reportPrefix: true,
};

export async function listSeries() {
  return db.series.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: seriesSelect });
}

export async function getSeriesBySlug(slug: string) {
  return db.series.findUnique({ where: { slug }, select: seriesSelect });
}

export type SeriesSummary = Awaited<ReturnType<typeof listSeries>>[number];
