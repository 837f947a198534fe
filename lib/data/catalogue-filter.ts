import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import type { ListingQuery } from "@/lib/validations/publications";
import { searchPlan, type SyllableMatch } from "@/lib/search/query";
import { facetConditionsSql, hasRegion, hasTopic, otherFacets, yearSql } from "./catalogue-facets";
import { searchSliceSql, type SearchSliceOptions } from "./search-slice";

export type CatalogueFilters = Omit<ListingQuery, "page"> & { locale: Locale };

/**
 * What a listed paper must satisfy apart from the series and year facets and
 * the search text; with `facets`, apart from the topic and region too (they
 * become facets the listing counts: facetConditionsSql). On the catalogue
 * entries of the reader's language (alias `e`): each public paper once, in
 * the reader's language when that version exists, otherwise as it is.
 */
function entryConditions(f: CatalogueFilters, facets = false): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e.language = ${f.locale}::"Language"`, Prisma.sql`e."visibleFrom" <= now()`];
  if (f.topic && !facets) parts.push(hasTopic(Prisma.sql`e`, f.topic));
  if (f.region && !facets) parts.push(hasRegion(Prisma.sql`e`, f.region));
  if (f.author) parts.push(Prisma.sql`${f.author}::int = ANY(e."authorIds")`);
  return Prisma.join(parts, " AND ");
}

/**
 * The papers matching every filter but series and year (and, with `facets`,
 * topic and region), each listed by its own entry, with the columns the
 * listing, its total and the facet counts need: `id`, `publishedAt`,
 * `seriesId`, `year` on the institution's calendar, `topicIds`, `regionIds`.
 * Not for a search, which is searchSliceSql's (search-slice.ts): text without
 * a searchable word in it (only stopwords or punctuation) matches nothing.
 */
export function matchingPapersSql(f: CatalogueFilters, { facets = false }: { facets?: boolean } = {}): Prisma.Sql {
  const searchable = f.q ? Prisma.sql`FALSE` : Prisma.sql`TRUE`;
  return Prisma.sql`SELECT e."targetId" AS id, e."publishedAt", e."seriesId", ${yearSql(Prisma.sql`e."publishedAt"`)} AS year,
      e."topicIds", e."regionIds"
    FROM "CatalogueEntry" e WHERE e."publicationId" = e."targetId" AND ${entryConditions(f, facets)} AND ${searchable}`;
}

/** A search's options (search-slice.ts), and how its plan asks for a one-syllable word. */
export type CatalogueSliceOptions = SearchSliceOptions & {
  /** "prefix" while any document is older than the tokenizer (search-tokenizer.ts). */
  syllables?: SyllableMatch;
};

/**
 * One page of ids, the total and the facet counts in one statement: the
 * matching papers are found once, then counted and grouped. A facet counts
 * what choosing each of its values would give, so the series counts ignore
 * the chosen series, the year counts the chosen year, and so on for topics
 * and regions. A search, in either order, is searchSliceSql's
 * (search-slice.ts), which counts only up to a cap.
 */
export function catalogueSliceSql(
  filters: CatalogueFilters,
  page: number,
  pageSize: number,
  options: CatalogueSliceOptions = {},
): Prisma.Sql {
  const plan = filters.q ? searchPlan(filters.q, options.syllables) : null;
  // A search lists the best matches first (newest first among equals) unless the reader asks for
  // the newest; either way, its counts stop at a cap (search-slice.ts).
  if (plan) return searchSliceSql(filters, plan, page, pageSize, options);
  const facets = facetConditionsSql(filters);
  const all = otherFacets(facets);
  const offset = (page - 1) * pageSize;
  const newest = Prisma.sql`m."publishedAt" DESC, m.id DESC`;
  const ids = Prisma.sql`
    (SELECT coalesce(json_agg(x.id ORDER BY x.rank), '[]') FROM (
      SELECT m.id, row_number() OVER (ORDER BY ${newest}) AS rank FROM m WHERE ${all}
      ORDER BY ${newest} LIMIT ${pageSize} OFFSET ${offset}) x)`;
  return Prisma.sql`
    WITH m AS MATERIALIZED (${matchingPapersSql(filters, { facets: true })})
    SELECT
      (SELECT count(*)::int FROM m WHERE ${all}) AS total,
      ${ids} AS ids,
      (SELECT coalesce(json_agg(json_build_object('value', s.slug, 'count', x.n)), '[]') FROM (
        SELECT m."seriesId", count(*)::int AS n FROM m WHERE ${otherFacets(facets, "series")} GROUP BY 1) x
        JOIN "Series" s ON s.id = x."seriesId") AS series,
      (SELECT coalesce(json_agg(json_build_object('value', x.year, 'count', x.n) ORDER BY x.year DESC), '[]') FROM (
        SELECT m.year, count(*)::int AS n FROM m WHERE ${otherFacets(facets, "year")} GROUP BY 1) x) AS years,
      (SELECT coalesce(json_agg(json_build_object('value', t.slug, 'count', x.n)), '[]') FROM (
        SELECT tag.id, count(*)::int AS n FROM m, unnest(m."topicIds") AS tag(id)
        WHERE ${otherFacets(facets, "topic")} GROUP BY 1) x JOIN "Topic" t ON t.id = x.id) AS topics,
      (SELECT coalesce(json_agg(json_build_object('value', r.slug, 'count', x.n)), '[]') FROM (
        SELECT tag.id, count(*)::int AS n FROM m, unnest(m."regionIds") AS tag(id)
        WHERE ${otherFacets(facets, "region")} GROUP BY 1) x JOIN "Region" r ON r.id = x.id) AS regions`;
}
