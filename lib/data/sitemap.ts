import "server-only";
import { db } from "@/lib/db";
import { publicPublicationWhere } from "./visibility";

/** Every public publication, with its public translation (the other language's paper) if it has one. */
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
    return {
      id: row.id,
      language: row.language,
      updatedAt: row.updatedAt,
      twin: twin ? { id: twin.id, language: twin.language } : null,
    };
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

/** Topics with at least one public publication: the others' pages have nothing to show. */
export function listSitemapTopics(now = new Date()) {
  return db.topic.findMany({
    where: { publications: { some: { publication: publicPublicationWhere(now) } } },
    orderBy: { id: "asc" },
    select: { slug: true },
  });
}
