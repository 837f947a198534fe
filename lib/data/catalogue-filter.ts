import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { SITE_TIME_ZONE } from "@/lib/site";
import type { ListingQuery } from "@/lib/validations/publications";
import { publicPublicationSql } from "./visibility";

export type CatalogueFilters = Omit<ListingQuery, "page"> & { locale: Locale };
type Facet = "series" | "year";

/** LIKE treats %, _ and \ as syntax; a reader's search text must match literally. */
function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One SQL WHERE for the catalogue, shared by the list, its total and the
 * facet counts, so they can never disagree. `without` leaves one filter out,
 * as a facet counts what choosing each of its values would give.
 */
export function catalogueWhereSql(f: CatalogueFilters, without?: Facet): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.raw(publicPublicationSql("p")),
    // Each paper once: in the reader's language when that version exists, otherwise as it is.
    Prisma.sql`(p.language = ${f.locale}::"Language" OR (p."translationId" IS NULL AND NOT EXISTS (
      SELECT 1 FROM "Publication" twin WHERE twin."translationId" = p.id)))`,
  ];
  if (f.series && without !== "series") {
    parts.push(Prisma.sql`p."seriesId" = (SELECT id FROM "Series" WHERE slug = ${f.series})`);
  }
  if (f.year && without !== "year") {
    parts.push(Prisma.sql`p."publishedAt" >= make_timestamptz(${f.year}::int, 1, 1, 0, 0, 0, ${SITE_TIME_ZONE})
      AND p."publishedAt" < make_timestamptz(${f.year + 1}::int, 1, 1, 0, 0, 0, ${SITE_TIME_ZONE})`);
  }
  if (f.topic) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "PublicationTopic" pt JOIN "Topic" t ON t.id = pt."topicId"
      WHERE pt."publicationId" = p.id AND t.slug = ${f.topic})`);
  }
  if (f.region) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "PublicationRegion" pr JOIN "Region" r ON r.id = pr."regionId"
      WHERE pr."publicationId" = p.id AND r.slug = ${f.region})`);
  }
  if (f.author) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Authorship" au WHERE au."publicationId" = p.id AND au."authorId" = ${f.author})`,
    );
  }
  if (f.q) {
    const like = likePattern(f.q);
    parts.push(Prisma.sql`(p.title ILIKE ${like} OR p.subtitle ILIKE ${like} OR p.summary ILIKE ${like}
      OR EXISTS (SELECT 1 FROM "Authorship" au JOIN "Author" a ON a.id = au."authorId"
        WHERE au."publicationId" = p.id AND (a."nameEn" ILIKE ${like} OR a."nameKo" ILIKE ${like})))`);
  }
  return Prisma.join(parts, " AND ");
}
