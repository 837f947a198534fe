import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { SITE_TIME_ZONE } from "@/lib/site";
import type { ListingQuery } from "@/lib/validations/publications";
import { publicPublicationSql } from "./visibility";

export type CatalogueFilters = Omit<ListingQuery, "page"> & { locale: Locale };

/** LIKE treats %, _ and \ as syntax; a reader's search text must match literally. */
function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Everything a paper must satisfy apart from the series and year facets and the search text. */
function baseConditions(f: CatalogueFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.raw(publicPublicationSql("p")),
    // Each paper once: in the reader's language when that version exists, otherwise as it is.
    Prisma.sql`(p.language = ${f.locale}::"Language" OR (p."translationId" IS NULL AND NOT EXISTS (
      SELECT 1 FROM "Publication" twin WHERE twin."translationId" = p.id)))`,
  ];
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
  return Prisma.join(parts, " AND ");
}

/**
 * The papers matching every filter but series and year, with the columns the
 * listing, its total and the facet counts need (`id`, `publishedAt`,
 * `seriesId`, `year` on the institution's calendar). A search runs as two
 * arms, text and author names, so each can use its trigram index.
 */
export function matchingPapersSql(f: CatalogueFilters): Prisma.Sql {
  const columns = Prisma.sql`p.id, p."publishedAt", p."seriesId",
    extract(year FROM p."publishedAt" AT TIME ZONE ${SITE_TIME_ZONE})::int AS year`;
  const base = baseConditions(f);
  if (!f.q) return Prisma.sql`SELECT ${columns} FROM "Publication" p WHERE ${base}`;
  const matches = textMatcher(f.q);
  return Prisma.sql`
    SELECT ${columns} FROM "Publication" p
    WHERE ${base} AND (${matches(Prisma.sql`p.title`)} OR ${matches(Prisma.sql`p.subtitle`)} OR ${matches(Prisma.sql`p.summary`)})
    UNION
    SELECT ${columns} FROM "Publication" p
    WHERE ${base} AND p.id IN (SELECT au."publicationId" FROM "Authorship" au JOIN "Author" a ON a.id = au."authorId"
      WHERE ${matches(Prisma.sql`a."nameEn"`)} OR ${matches(Prisma.sql`a."nameKo"`)})`;
}

/**
 * "Column contains the search text, ignoring case", in the form PostgreSQL
 * runs fastest for that text. The trigram indexes serve LIKE/ILIKE only when
 * the text has a run of three letters or digits; for shorter words (two-
 * syllable Korean words are common) the index would be read whole, so those
 * read the table instead. ILIKE folds the case of every row it reads, which is
 * slow on non-ASCII text; text with no letters that have case (Korean,
 * numbers) needs no folding.
 */
function textMatcher(q: string): (column: Prisma.Sql) => Prisma.Sql {
  const caseless = q.toLowerCase() === q.toUpperCase();
  if (/[\p{L}\p{N}]{3}/u.test(q)) {
    const like = likePattern(q);
    return caseless ? (c) => Prisma.sql`${c} LIKE ${like}` : (c) => Prisma.sql`${c} ILIKE ${like}`;
  }
  return caseless ? (c) => Prisma.sql`strpos(${c}, ${q}) > 0` : (c) => Prisma.sql`strpos(lower(${c}), lower(${q})) > 0`;
}

/** The series and year filters as conditions on `matchingPapersSql`'s rows (alias `m`); TRUE when not chosen. */
export function facetConditionsSql(f: CatalogueFilters): { series: Prisma.Sql; year: Prisma.Sql } {
  return {
    series: f.series ? Prisma.sql`m."seriesId" = (SELECT id FROM "Series" WHERE slug = ${f.series})` : Prisma.sql`TRUE`,
    year: f.year ? Prisma.sql`m.year = ${f.year}::int` : Prisma.sql`TRUE`,
  };
}
