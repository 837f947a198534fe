import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { SITE_TIME_ZONE } from "@/lib/site";
import type { ListingQuery } from "@/lib/validations/publications";
import { searchPlan, type SearchPlan } from "@/lib/search/query";
import { publicPublicationSql } from "./visibility";

export type CatalogueFilters = Omit<ListingQuery, "page"> & { locale: Locale };

/**
 * Everything a paper must satisfy apart from the series and year facets and
 * the search text; with `facets`, apart from the topic and region too (they
 * become facets the listing counts: facetConditionsSql).
 */
function baseConditions(f: CatalogueFilters, facets = false): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.raw(publicPublicationSql("p")),
    // Each paper once: in the reader's language when that version exists, otherwise as it is.
    Prisma.sql`(p.language = ${f.locale}::"Language" OR (p."translationId" IS NULL AND NOT EXISTS (
      SELECT 1 FROM "Publication" twin WHERE twin."translationId" = p.id)))`,
  ];
  if (f.topic && !facets) parts.push(hasTopic(Prisma.sql`p.id`, f.topic));
  if (f.region && !facets) parts.push(hasRegion(Prisma.sql`p.id`, f.region));
  if (f.author) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Authorship" au WHERE au."publicationId" = p.id AND au."authorId" = ${f.author})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

const hasTopic = (id: Prisma.Sql, slug: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "PublicationTopic" pt JOIN "Topic" t ON t.id = pt."topicId"
    WHERE pt."publicationId" = ${id} AND t.slug = ${slug})`;
const hasRegion = (id: Prisma.Sql, slug: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "PublicationRegion" pr JOIN "Region" r ON r.id = pr."regionId"
    WHERE pr."publicationId" = ${id} AND r.slug = ${slug})`;

/**
 * The papers matching every filter but series and year (and, with `facets`,
 * topic and region), with the columns the
 * listing, its total and the facet counts need (`id`, `publishedAt`,
 * `seriesId`, `year` on the institution's calendar, and `score`: relevance
 * to the search, 0 without one).
 */
export function matchingPapersSql(f: CatalogueFilters, { facets = false } = {}): Prisma.Sql {
  const columns = Prisma.sql`p.id, p."publishedAt", p."seriesId",
    extract(year FROM p."publishedAt" AT TIME ZONE ${SITE_TIME_ZONE})::int AS year`;
  const base = baseConditions(f, facets);
  if (!f.q) return Prisma.sql`SELECT ${columns}, 0::float8 AS score FROM "Publication" p WHERE ${base}`;
  const plan = searchPlan(f.q);
  // Nothing searchable in the text (only stopwords or punctuation): nothing matches.
  if (!plan) return Prisma.sql`SELECT ${columns}, 0::float8 AS score FROM "Publication" p WHERE FALSE`;
  // Each hit stands for the version of its paper the reader's language shows: itself, or its twin
  // (a Korean query finds the English version on /en). A draft's words lead nowhere, not even to its twin.
  return Prisma.sql`
    WITH hits AS MATERIALIZED (${searchHitsSql(plan)})
    SELECT ${columns}, max(x.score) AS score FROM (
      SELECT CASE WHEN hp.language = ${f.locale}::"Language" THEN hp.id ELSE coalesce(t1.id, t2.id, hp.id) END AS id, h.score
      FROM hits h
      JOIN "Publication" hp ON hp.id = h.id
      LEFT JOIN "Publication" t1 ON t1.id = hp."translationId"
      LEFT JOIN "Publication" t2 ON t2."translationId" = hp.id
      WHERE ${Prisma.raw(publicPublicationSql("hp"))}
    ) x JOIN "Publication" p ON p.id = x.id
    WHERE ${base}
    GROUP BY p.id`;
}

/**
 * Papers whose search document holds every word (each word in some part),
 * with their score: an exact title or report number first, then matches in
 * the title (as a phrase, then as words), the summary, authors and topics,
 * the body, and last the PDFs, plus how many of the words the title holds.
 *
 * The match is a combination of each part's GIN index scans. The title and
 * the summary part are small and kept in the row, so they are tested on each
 * match directly; the body's and the PDFs' vectors are large (TOAST), so their
 * share of the score is membership in that part's index result (a hashed
 * subplan) and no paper's body vector is read.
 */
function searchHitsSql(plan: SearchPlan): Prisma.Sql {
  const q = (text: string) => Prisma.sql`${text}::tsquery`;
  const inRow = (column: "title" | "head", text: string) => Prisma.sql`d.${Prisma.raw(column)} @@ ${q(text)}`;
  const inIndex = (column: "body" | "pdf", text: string) =>
    Prisma.sql`d."publicationId" IN (SELECT "publicationId" FROM "SearchDocument" WHERE ${Prisma.raw(column)} @@ ${q(text)})`;
  const has = (column: "title" | "head" | "body" | "pdf", text: string) =>
    column === "title" || column === "head" ? inRow(column, text) : inIndex(column, text);
  const anyPart = (text: string) =>
    Prisma.sql`(d.title @@ ${q(text)} OR d.head @@ ${q(text)} OR d.body @@ ${q(text)} OR d.pdf @@ ${q(text)})`;
  const part = (column: "title" | "head" | "body" | "pdf", phraseScore: number, wordsScore: number) =>
    plan.phrase === plan.match
      ? Prisma.sql`CASE WHEN ${has(column, plan.match)} THEN ${phraseScore}::float8 ELSE 0 END`
      : Prisma.sql`CASE WHEN ${has(column, plan.phrase)} THEN ${phraseScore}::float8
          WHEN ${has(column, plan.match)} THEN ${wordsScore}::float8 ELSE 0 END`;
  const titleWords = Prisma.join(
    plan.words.map((w) => Prisma.sql`(${inRow("title", w)})::int`),
    " + ",
  );
  return Prisma.sql`
    SELECT d."publicationId" AS id, (
      CASE WHEN d."titleKey" = ${plan.exact} OR ${plan.number} = ANY(d."numberKeys") THEN 1000 ELSE 0 END
      + ${part("title", 100, 50)} + ${part("head", 20, 10)} + ${part("body", 4, 2)} + ${part("pdf", 1, 0.5)}
      + 3.0 * (${titleWords}) / ${plan.words.length}
    )::float8 AS score
    FROM "SearchDocument" d
    WHERE ${Prisma.join(plan.words.map(anyPart), " AND ")}`;
}

type FacetConditions = { series: Prisma.Sql; year: Prisma.Sql; topic: Prisma.Sql; region: Prisma.Sql };

/**
 * The series, year, topic and region filters as conditions on the rows of
 * `matchingPapersSql(f, { facets: true })` (alias `m`); TRUE when not chosen.
 */
export function facetConditionsSql(f: CatalogueFilters): FacetConditions {
  return {
    series: f.series ? Prisma.sql`m."seriesId" = (SELECT id FROM "Series" WHERE slug = ${f.series})` : Prisma.sql`TRUE`,
    year: f.year ? Prisma.sql`m.year = ${f.year}::int` : Prisma.sql`TRUE`,
    topic: f.topic ? hasTopic(Prisma.sql`m.id`, f.topic) : Prisma.sql`TRUE`,
    region: f.region ? hasRegion(Prisma.sql`m.id`, f.region) : Prisma.sql`TRUE`,
  };
}

/** Every facet's condition but `except`'s, joined: a facet counts what choosing each of its values would give. */
export function otherFacets(c: FacetConditions, except?: keyof FacetConditions): Prisma.Sql {
  const keys = (["series", "year", "topic", "region"] as const).filter((k) => k !== except);
  return Prisma.join(
    keys.map((k) => c[k]),
    " AND ",
  );
}

/**
 * One page of ids, the total and the facet counts in one statement: the
 * matching papers (the search among them) are found once, then counted and
 * grouped. A facet counts what choosing each of its values would give, so the
 * series counts ignore the chosen series, the year counts the chosen year,
 * and so on for topics and regions.
 */
export function catalogueSliceSql(filters: CatalogueFilters, page: number, pageSize: number): Prisma.Sql {
  const facets = facetConditionsSql(filters);
  const all = otherFacets(facets);
  // A search lists the best matches first (newest first among equals) unless the reader asks for the newest.
  const order =
    filters.q && filters.sort !== "newest"
      ? Prisma.sql`m.score DESC, m."publishedAt" DESC, m.id DESC`
      : Prisma.sql`m."publishedAt" DESC, m.id DESC`;
  return Prisma.sql`
    WITH m AS MATERIALIZED (${matchingPapersSql(filters, { facets: true })})
    SELECT
      (SELECT count(*)::int FROM m WHERE ${all}) AS total,
      (SELECT coalesce(json_agg(x.id ORDER BY x.rank), '[]') FROM (
        SELECT m.id, row_number() OVER (ORDER BY ${order}) AS rank FROM m WHERE ${all}
        ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) x) AS ids,
      (SELECT coalesce(json_agg(json_build_object('value', s.slug, 'count', x.n)), '[]') FROM (
        SELECT m."seriesId", count(*)::int AS n FROM m WHERE ${otherFacets(facets, "series")} GROUP BY 1) x
        JOIN "Series" s ON s.id = x."seriesId") AS series,
      (SELECT coalesce(json_agg(json_build_object('value', x.year, 'count', x.n) ORDER BY x.year DESC), '[]') FROM (
        SELECT m.year, count(*)::int AS n FROM m WHERE ${otherFacets(facets, "year")} GROUP BY 1) x) AS years,
      (SELECT coalesce(json_agg(json_build_object('value', t.slug, 'count', x.n)), '[]') FROM (
        SELECT pt."topicId", count(*)::int AS n FROM m JOIN "PublicationTopic" pt ON pt."publicationId" = m.id
        WHERE ${otherFacets(facets, "topic")} GROUP BY 1) x JOIN "Topic" t ON t.id = x."topicId") AS topics,
      (SELECT coalesce(json_agg(json_build_object('value', r.slug, 'count', x.n)), '[]') FROM (
        SELECT pr."regionId", count(*)::int AS n FROM m JOIN "PublicationRegion" pr ON pr."publicationId" = m.id
        WHERE ${otherFacets(facets, "region")} GROUP BY 1) x JOIN "Region" r ON r.id = x."regionId") AS regions`;
}
