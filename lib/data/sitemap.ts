import "server-only";
import { db } from "@/lib/db";
import { locales, type Locale } from "@/lib/i18n/routing";
import { publicPublicationWhere } from "./visibility";

/**
 * Every public publication, with the id each locale's reader should be sent
 * to: its public translation in that language when there is one, else itself.
 */
export async function listSitemapPublications(now = new Date()) {
  const rows = await db.publication.findMany({
    where: publicPublicationWhere(now),
    orderBy: { id: "asc" },
    select: { id: true, language: true, updatedAt: true, translationId: true, translatedFrom: { select: { id: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((row) => {
    const twinId = row.translationId ?? row.translatedFrom?.id;
    const twin = twinId === undefined ? undefined : byId.get(twinId);
    const idFor = (locale: Locale) => (row.language !== locale && twin?.language === locale ? twin.id : row.id);
    const idByLocale = Object.fromEntries(locales.map((l) => [l, idFor(l)])) as Record<Locale, number>;
    return { id: row.id, updatedAt: row.updatedAt, idByLocale };
  });
}

export function listSitemapSeries() {
  return db.series.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { slug: true, updatedAt: true } });
}

/** Authors with at least one public publication: the others' pages have nothing to show. */
export function listSitemapAuthors(now = new Date()) {
  return db.author.findMany({
    where: { authorships: { some: { publication: publicPublicationWhere(now) } } },
    orderBy: { id: "asc" },
    select: { id: true, updatedAt: true },
  });
}
