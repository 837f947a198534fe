import { Prisma } from "@/lib/generated/prisma/client";
import { SITE_TIME_ZONE } from "@/lib/site";
import { allQueries, factQuerySql } from "@/lib/search/facts";
import type { CatalogueFilters } from "./catalogue-filter";

/*
 * The catalogue's four facets (series, year, topic, region) as conditions on
 * listed papers or catalogue entries, and as the facts a search document
 * carries (lib/search/facts.ts). A facet counts what choosing each of its
 * values would give: every other chosen filter applies, its own does not.
 */

/** The id of the series, topic or region with this slug; null for a slug no row has. */
const idOf = (table: "Series" | "Topic" | "Region", slug: string) =>
  Prisma.sql`(SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE slug = ${slug})`;

export const hasTopic = (row: Prisma.Sql, slug: string) => Prisma.sql`${idOf("Topic", slug)} = ANY(${row}."topicIds")`;
export const hasRegion = (row: Prisma.Sql, slug: string) => Prisma.sql`${idOf("Region", slug)} = ANY(${row}."regionIds")`;

/** A timestamp's year on the institution's calendar. */
export const yearSql = (at: Prisma.Sql) => Prisma.sql`extract(year FROM ${at} AT TIME ZONE ${SITE_TIME_ZONE})::int`;

/** A catalogue entry's (alias `e`) year on the institution's calendar. */
export const entryYearSql = yearSql(Prisma.sql`e."publishedAt"`);

export type FacetKey = "series" | "year" | "topic" | "region";
export const FACET_KEYS: readonly FacetKey[] = ["series", "year", "topic", "region"];

/** Each chosen series, year, topic and region as a tsquery on the fact lexemes (lib/search/facts.ts). */
function chosenFacts(f: CatalogueFilters): Partial<Record<FacetKey, Prisma.Sql>> {
  const language = Prisma.sql`${f.locale}::text`;
  return {
    ...(f.series ? { series: factQuerySql(language, "series", idOf("Series", f.series)) } : {}),
    ...(f.year ? { year: factQuerySql(language, "year", Prisma.sql`${f.year}::int`) } : {}),
    ...(f.topic ? { topic: factQuerySql(language, "topic", idOf("Topic", f.topic)) } : {}),
    ...(f.region ? { region: factQuerySql(language, "region", idOf("Region", f.region)) } : {}),
  };
}

const authorFact = (f: CatalogueFilters) =>
  f.author ? [factQuerySql(Prisma.sql`${f.locale}::text`, "author", Prisma.sql`${f.author}::int`)] : [];

/**
 * The facts a document must carry for its paper to be in the set a facet
 * counts: the author and every chosen filter but the facet's own (`except`;
 * none for the listing itself). Null when that asks nothing.
 */
export function setFactsSql(f: CatalogueFilters, except?: FacetKey): Prisma.Sql | null {
  const chosen = chosenFacts(f);
  const parts = [...authorFact(f), ...FACET_KEYS.flatMap((k) => (k !== except && chosen[k] ? [chosen[k]] : []))];
  return parts.length > 0 ? allQueries(parts) : null;
}

type FacetConditions = { series: Prisma.Sql; year: Prisma.Sql; topic: Prisma.Sql; region: Prisma.Sql };

/**
 * The series, year, topic and region filters as conditions on the rows of
 * `matchingPapersSql(f, { facets: true })` (alias `m`), or on catalogue
 * entries (alias `e`); TRUE when not chosen.
 */
export function facetConditionsSql(f: CatalogueFilters, row: "m" | "e" = "m"): FacetConditions {
  const r = Prisma.raw(row);
  const year = row === "m" ? Prisma.sql`m.year` : entryYearSql;
  return {
    series: f.series ? Prisma.sql`${r}."seriesId" = ${idOf("Series", f.series)}` : Prisma.sql`TRUE`,
    year: f.year ? Prisma.sql`${year} = ${f.year}::int` : Prisma.sql`TRUE`,
    topic: f.topic ? hasTopic(r, f.topic) : Prisma.sql`TRUE`,
    region: f.region ? hasRegion(r, f.region) : Prisma.sql`TRUE`,
  };
}

/** Every facet's condition but `except`'s, joined: a facet counts what choosing each of its values would give. */
export function otherFacets(c: FacetConditions, except?: FacetKey): Prisma.Sql {
  const keys = FACET_KEYS.filter((k) => k !== except);
  return Prisma.join(
    keys.map((k) => c[k]),
    " AND ",
  );
}
