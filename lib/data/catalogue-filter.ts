import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import type { ListingQuery } from "@/lib/validations/publications";
import { searchPlan } from "@/lib/search/query";
import { searchHitsSql } from "./search-ranking";
import { facetConditionsSql, factsFilterSql, hasRegion, hasTopic, otherFacets, yearSql } from "./catalogue-facets";
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
 * topic and region), with the columns the listing, its total and the facet
 * counts need: `id`, `publishedAt`, `seriesId`, `year` on the institution's
 * calendar, `topicIds`, `regionIds`, and `score`: relevance to the search, 0
 * without one.
 */
export function matchingPapersSql(
  f: CatalogueFilters,
  { facets = false, hits }: { facets?: boolean; hits?: Prisma.Sql } = {},
): Prisma.Sql {
  const year = (at: Prisma.Sql) => Prisma.sql`${yearSql(at)} AS year`;
  const columns = Prisma.sql`e."targetId" AS id, e."publishedAt", e."seriesId", ${year(Prisma.sql`e."publishedAt"`)},
    e."topicIds", e."regionIds"`;
  const where = entryConditions(f, facets);
  // Without a search, each paper is listed by its own entry.
  if (!f.q)
    return Prisma.sql`SELECT ${columns}, 0::float8 AS score FROM "CatalogueEntry" e
      WHERE e."publicationId" = e."targetId" AND ${where}`;
  const plan = searchPlan(f.q);
  // Nothing searchable in the text (only stopwords or punctuation): nothing matches.
  if (!plan) return Prisma.sql`SELECT ${columns}, 0::float8 AS score FROM "CatalogueEntry" e WHERE FALSE`;
  // Each hit stands for the paper its entry shows (itself, or its twin in the reader's language:
  // a Korean query finds the English version on /en); both versions matching show it once.
  // The matching documents behind each listed paper are kept for ranking (search-ranking.ts): `own`,
  // the in-row score of the paper's own document when it matched, and `twin` and `twinScore`, the
  // other version's. Joining the candidates back to the hits instead was planned as a scan of every
  // hit per candidate (the planner cannot count a CTE's rows), 0.8 s for two common words at 10,000
  // papers; and arrays of them (array_agg, a memory context per group) took two thirds of the
  // grouping's time. A paper has one twin (translationId is unique). Should data ever link two
  // papers to one (A's translationId the paper, the paper's another's), the paper is still listed
  // once, and ranked roughly: the better in-row score of the two, with the body and PDFs of the
  // one with the higher id.
  // Every entry of one listed paper carries that paper's columns: grouped by its id alone (hashing
  // the arrays cost more than the rest of the grouping), each column is any row's (min).
  const own = Prisma.sql`e."publicationId" = e."targetId"`;
  return Prisma.sql`
    SELECT e."targetId" AS id, min(e."publishedAt") AS "publishedAt", min(e."seriesId") AS "seriesId",
      ${year(Prisma.sql`min(e."publishedAt")`)}, min(e."topicIds") AS "topicIds", min(e."regionIds") AS "regionIds",
      max(h.score) AS score, max(h.score) FILTER (WHERE ${own}) AS own,
      max(h.id) FILTER (WHERE NOT ${own}) AS twin, max(h.score) FILTER (WHERE NOT ${own}) AS "twinScore"
    FROM ${hits ?? Prisma.sql`(${searchHitsSql(plan)})`} h
    JOIN "CatalogueEntry" e ON e.language = ${f.locale}::"Language" AND e."publicationId" = h.id
    WHERE ${where}
    GROUP BY e."targetId"`;
}

/**
 * One page of ids, the total and the facet counts in one statement: the
 * matching papers (the search among them) are found once, then counted and
 * grouped. A facet counts what choosing each of its values would give, so the
 * series counts ignore the chosen series, the year counts the chosen year,
 * and so on for topics and regions. A search by relevance is
 * searchSliceSql's (search-slice.ts), which counts only up to a cap.
 */
export function catalogueSliceSql(
  filters: CatalogueFilters,
  page: number,
  pageSize: number,
  options: SearchSliceOptions = {},
): Prisma.Sql {
  const plan = filters.q ? searchPlan(filters.q) : null;
  // A search lists the best matches first (newest first among equals) unless the reader asks for
  // the newest; by relevance, its counts stop at a cap (search-slice.ts).
  if (plan && filters.sort !== "newest") return searchSliceSql(filters, plan, page, pageSize, options);
  const facets = facetConditionsSql(filters);
  const all = otherFacets(facets);
  const offset = (page - 1) * pageSize;
  const newest = Prisma.sql`m."publishedAt" DESC, m.id DESC`;
  const ctes = plan
    ? Prisma.sql`hits AS MATERIALIZED (${searchHitsSql(plan, factsFilterSql(filters))}),
      m AS MATERIALIZED (${matchingPapersSql(filters, { facets: true, hits: Prisma.sql`hits` })})`
    : Prisma.sql`m AS MATERIALIZED (${matchingPapersSql(filters, { facets: true })})`;
  const ids = Prisma.sql`
    (SELECT coalesce(json_agg(x.id ORDER BY x.rank), '[]') FROM (
      SELECT m.id, row_number() OVER (ORDER BY ${newest}) AS rank FROM m WHERE ${all}
      ORDER BY ${newest} LIMIT ${pageSize} OFFSET ${offset}) x)`;
  return Prisma.sql`
    WITH ${ctes}
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
