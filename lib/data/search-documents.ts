import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { documentTokens, TOKENIZER, type PaperText } from "@/lib/search/document";
import { factLexemeSql, type FactKind } from "@/lib/search/facts";
import { entryYearSql } from "./catalogue-facets";

export type PaperRow = PaperText & { id: number };
type Sql = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/**
 * Where search documents are written: the live tables, or the two a full
 * rebuild fills before they take the live ones' place (search-rebuild.ts).
 * `documents` is the search table; `scoring`, what a match's in-row score reads.
 */
export type SearchTables = { documents: string; scoring: string };
export const LIVE_TABLES = { documents: "SearchDocument", scoring: "SearchScoring" } as const satisfies SearchTables;
export const REBUILD_TABLES = {
  documents: "SearchDocumentRebuild",
  scoring: "SearchScoringRebuild",
} as const satisfies SearchTables;

/** The fact lexemes (lib/search/facts.ts) of every catalogue entry the paper is listed by, one language each. */
function factsSql(): Prisma.Sql {
  const language = Prisma.sql`e.language::text`;
  const fact = (kind: FactKind, value: Prisma.Sql) => factLexemeSql(language, kind, value);
  const each = (kind: FactKind, column: string) =>
    Prisma.sql`ARRAY(SELECT ${fact(kind, Prisma.sql`x`)} FROM unnest(e.${Prisma.raw(`"${column}"`)}) x)`;
  return Prisma.sql`coalesce((SELECT array_agg(DISTINCT f) FROM "CatalogueEntry" e,
      unnest(ARRAY[${fact("series", Prisma.sql`e."seriesId"`)}, ${fact("year", entryYearSql)}]
        || ${each("topic", "topicIds")} || ${each("region", "regionIds")} || ${each("author", "authorIds")}) f
      WHERE e."publicationId" = p.id AND f IS NOT NULL), '{}')`;
}

/** Everything a paper is found by, read in one statement. */
export function readPaperTexts(sql: Sql, ids: number[]): Promise<PaperRow[]> {
  return sql.$queryRaw<PaperRow[]>`
    SELECT p.id, p."reportNumber", s."reportPrefix", p.title, p.subtitle, p.summary, p.body,
      ARRAY[s."nameKo", s."nameEn"] AS "seriesNames",
      coalesce((SELECT array_agg(n) FROM "Authorship" x JOIN "Author" a ON a.id = x."authorId",
        unnest(ARRAY[a."nameKo", a."nameEn"]) n WHERE x."publicationId" = p.id), '{}') AS "authorNames",
      coalesce((SELECT array_agg(n) FROM "PublicationTopic" x JOIN "Topic" t ON t.id = x."topicId",
        unnest(ARRAY[t."nameKo", t."nameEn"]) n WHERE x."publicationId" = p.id), '{}') AS "topicNames",
      coalesce((SELECT array_agg(n) FROM "PublicationRegion" x JOIN "Region" r ON r.id = x."regionId",
        unnest(ARRAY[r."nameKo", r."nameEn"]) n WHERE x."publicationId" = p.id), '{}') AS "regionNames",
      coalesce((SELECT array_agg(a."extractedText" ORDER BY a."sortOrder", a.id) FROM "Attachment" a
        WHERE a."publicationId" = p.id AND a."extractedText" IS NOT NULL), '{}') AS "pdfTexts",
      ${factsSql()} AS facts
    FROM "Publication" p JOIN "Series" s ON s.id = p."seriesId"
    WHERE p.id = ANY(${ids}::int[])`;
}

/**
 * Between tokens sent as one text. No token holds it: tokens are letters,
 * digits and marks, with "_" in shingles and ":" in facts (lib/search/tokens.ts, facts.ts).
 */
const TOKEN_SEPARATOR = "\x1f";

/**
 * A tsvector of the tokens, sent as one text and split by the statement. Sent
 * as an array, each of a paper's thousands of body and PDF tokens was quoted
 * and escaped by the driver: writing 50 real-size papers took 390 ms of this
 * process's time and 710 ms in all, against 120 and 300 ms sent as text.
 */
function vectorSql(tokens: string[]): Prisma.Sql {
  return Prisma.sql`array_to_tsvector(string_to_array(${tokens.join(TOKEN_SEPARATOR)}, ${TOKEN_SEPARATOR}))`;
}

/**
 * Writes the papers' search documents, and what their in-row scores read,
 * into `tables` in one statement. The live tables replace a paper's rows; a
 * rebuild's, which have no key yet, only ever receive each paper once (and a
 * paper deleted since its texts were read is dropped from them at the swap).
 */
export async function writeSearchDocuments(sql: Sql, tables: SearchTables, papers: PaperRow[]): Promise<void> {
  if (papers.length === 0) return;
  const rows = papers.map((p) => {
    const t = documentTokens(p);
    return Prisma.sql`(${p.id}::int, ${vectorSql(t.title)}, ${vectorSql(t.head)}, ${vectorSql(t.body)}, ${vectorSql(t.pdf)},
      ${t.titleKey}::text, ${t.numberKeys}::text[])`;
  });
  const live = tables.documents === LIVE_TABLES.documents;
  const replaceDocument = live
    ? Prisma.sql`ON CONFLICT ("publicationId") DO UPDATE SET title = EXCLUDED.title, head = EXCLUDED.head,
          body = EXCLUDED.body, pdf = EXCLUDED.pdf, tokenizer = EXCLUDED.tokenizer, "indexedAt" = EXCLUDED."indexedAt"`
    : Prisma.empty;
  const replaceScoring = live
    ? Prisma.sql`ON CONFLICT ("publicationId") DO UPDATE SET title = EXCLUDED.title, head = EXCLUDED.head,
      "titleKey" = EXCLUDED."titleKey", "numberKeys" = EXCLUDED."numberKeys"`
    : Prisma.empty;
  // The vectors are made once, in `paper` (read twice, so PostgreSQL makes it once and keeps it).
  await sql.$executeRaw`
    WITH paper (id, title, head, body, pdf, "titleKey", "numberKeys") AS (VALUES ${Prisma.join(rows)}),
    documents AS (
      INSERT INTO ${Prisma.raw(`"${tables.documents}"`)} ("publicationId", title, head, body, pdf, tokenizer, "indexedAt")
      SELECT id, title, head, body, pdf, ${TOKENIZER}::smallint, now() FROM paper ${replaceDocument})
    INSERT INTO ${Prisma.raw(`"${tables.scoring}"`)} ("publicationId", title, head, "titleKey", "numberKeys")
    SELECT id, title, head, "titleKey", "numberKeys" FROM paper ${replaceScoring}`;
}
