import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A paper's catalogue facts (series, year, topics, regions, authors, for each
 * language's listing) kept as extra lexemes in each of its search document's
 * vectors, so that a filtered search takes its matches from the GIN indexes
 * alone instead of mapping every match of a common word to the catalogue
 * first (lib/data/catalogue-filter.ts).
 *
 * A fact lexeme starts with ":", which no token of text ever does
 * (tokens.ts keeps letters, digits and marks only), so no reader's query
 * matches or scores one. The facts are those of the catalogue entry, that is
 * of the paper shown for this one in that language (itself or its twin).
 *
 * Both sides, the index's lexemes and the search's query, are written by the
 * one SQL expression below.
 */
export type FactKind = "series" | "year" | "topic" | "region" | "author";

const LETTER: Record<FactKind, string> = { series: "s", year: "y", topic: "t", region: "r", author: "a" };

/** The lexeme for one fact of the listing in `language` (both SQL text expressions). */
export function factLexemeSql(language: Prisma.Sql, kind: FactKind, value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(':' || ${language} || ':' || ${LETTER[kind]}::text || ${value}::text)`;
}

/**
 * A tsquery matching documents that carry the fact. A value that is null (a
 * slug no row has) becomes a lexeme no document carries, so the query stays
 * a query and matches nothing.
 */
export function factQuerySql(language: Prisma.Sql, kind: FactKind, value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`quote_literal(${factLexemeSql(language, kind, Prisma.sql`coalesce(${value}::text, 'none')`)})::tsquery`;
}

/** tsqueries joined by && (all of them): an SQL operator on tsquery. */
export function allQueries(queries: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(queries, " && ")})`;
}
