// What a match's in-row score reads is in SearchScoring from migration
// 20261207120000 on, and the search table keeps its vectors out of its rows.
// A database of the release before gets SearchScoring filled from its
// documents, and its rows narrow from a rebuild; searches find and rank the
// same papers throughout.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/migrate/schema-engine";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: the tests count every document, page and queued paper in it.
const fresh = await createDatabase("perspectives_search_scoring");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools, pool } = await import("@/lib/db");
const { listPublications } = await import("@/lib/data/publications");
const { indexQueuedPapers } = await import("@/lib/data/search-index");
const { rebuildSearchIndex } = await import("@/lib/data/search-rebuild");
const { createPublication, createSeries, uid } = await import("./support/factories");

const found = async (q: string) => (await listPublications({ locale: "en", q }, 1)).items.map((p) => p.id);

type ScoringRow = { id: number; title: string[]; head: string[]; titleKey: string; numberKeys: string[] };
/** Every SearchScoring row, its vectors as sorted lexemes. */
const scoringRows = () =>
  db.$queryRaw<ScoringRow[]>`
    SELECT "publicationId" AS id, tsvector_to_array(title) AS title, tsvector_to_array(head) AS head, "titleKey", "numberKeys"
    FROM "SearchScoring" ORDER BY 1`;

/** The search tables as the release before had them: the scoring columns in the search table's rows, no SearchScoring. */
async function asBefore() {
  await pool().query(`
    ALTER TABLE "SearchDocument" ADD COLUMN "titleKey" TEXT NOT NULL DEFAULT '', ADD COLUMN "numberKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];
    UPDATE "SearchDocument" d SET "titleKey" = s."titleKey", "numberKeys" = s."numberKeys"
      FROM "SearchScoring" s WHERE s."publicationId" = d."publicationId";
    DROP TABLE "SearchScoring";
    ALTER TABLE "SearchDocument" RESET (toast_tuple_target),
      ALTER COLUMN title SET STORAGE EXTENDED, ALTER COLUMN head SET STORAGE EXTENDED;
    -- Each row written again as that release wrote it: its title's and summary's vectors in the row.
    UPDATE "SearchDocument" SET title = title || ''::tsvector, head = head || ''::tsvector;
    CREATE INDEX "SearchDocument_title_idx" ON "SearchDocument" USING GIN ("title") WITH (fastupdate = off);
    CREATE INDEX "SearchDocument_head_idx" ON "SearchDocument" USING GIN ("head") WITH (fastupdate = off);`);
}

describe("the search table's narrow rows", () => {
  let seriesId: number;
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });
  afterAll(async () => {
    await endPools();
    await fresh.drop();
  });

  it("keeps a document's vectors out of its row, so that many rows fill a page", async () => {
    // A summary of 80 words: about 1 KB of vectors, which kept in the row let six rows fill a page.
    const words = (n: number, tag: string) => Array.from({ length: n }, (_, k) => `${tag}${k}x`).join(" ");
    for (let k = 0; k < 40; k++)
      await createPublication({ seriesId, summary: words(80, `summ${k}w`), body: words(600, `body${k}w`) });
    await indexQueuedPapers();
    const [row] = await db.$queryRaw<{ documents: number; pages: number; scoring: number }[]>`
      SELECT (SELECT count(*)::int FROM "SearchDocument") AS documents,
        (pg_relation_size('"SearchDocument"') / current_setting('block_size')::int)::int AS pages,
        (pg_relation_size('"SearchScoring"') / current_setting('block_size')::int)::int AS scoring`;
    expect(row!.documents).toBe(40);
    // In the row, the 40 summaries' vectors alone would take some 40 KB: five pages or more.
    expect(row!.pages).toBe(1);
    expect(row!.scoring).toBeGreaterThanOrEqual(5);
  });

  it("leaves SearchScoring as compact after a rebuild as written from scratch, with the same rows", async () => {
    // Every row of SearchScoring is written again by a rebuild; in place, each old version stayed
    // until the rebuild ended, and the table ended twice its size (8,234 pages against 4,301 at
    // 30,000 papers). The rebuild now fills a table of its own and swaps it in.
    const scoringPages = async () =>
      (
        await db.$queryRaw<{ n: number }[]>`
          SELECT (pg_relation_size('"SearchScoring"') / current_setting('block_size')::int)::int AS n`
      )[0]!.n;
    const before = await scoringPages();
    const rows = await scoringRows();
    expect(before).toBeGreaterThanOrEqual(5);
    await rebuildSearchIndex();
    expect(await scoringPages()).toBeLessThanOrEqual(before);
    expect(await scoringRows()).toEqual(rows);
    // Its indexes, key and link to the papers came along: a paper's deletion still takes its row.
    const [gone] = rows;
    await db.publication.delete({ where: { id: gone!.id } });
    expect((await scoringRows()).map((r) => r.id)).toEqual(rows.slice(1).map((r) => r.id));
  });

  it("fills SearchScoring from a database of the release before, and finds the same papers before and after a rebuild", async () => {
    const tag = uid();
    const titled = await createPublication({ seriesId, title: `Harbour Treaty ${tag}`, reportNumber: `HT-${tag}` });
    const summarized = await createPublication({ seriesId, summary: `The harbour treaty ${tag} in a summary` });
    const inBody = await createPublication({ seriesId, body: `A harbour and a treaty, ${tag}, in the body.` });
    await indexQueuedPapers();
    const queries = [`harbour treaty ${tag}`, `Harbour Treaty ${tag}`, `HT-${tag}`, tag];
    const before = await Promise.all(queries.map(found));
    // The title first, then the summary, then the body; the exact title and the number first.
    expect(before[0]).toEqual([titled.id, summarized.id, inBody.id]);
    expect(before[2]![0]).toBe(titled.id);
    const written = await scoringRows();

    await asBefore();
    const migration = await readFile(path.join(MIGRATIONS_DIR, "20261207120000_search_scoring_rows", "migration.sql"), "utf8");
    await pool().query(migration);
    // The same rows the writer wrote, copied from the documents; nothing to index again.
    expect(await scoringRows()).toEqual(written);
    expect(await db.searchQueue.count()).toBe(0);
    expect(await Promise.all(queries.map(found))).toEqual(before);

    // Rebuilt (npm run search:reindex), into a table of narrow rows: the same papers, in the same order.
    // The pages that hold its rows (the summaries of the papers above fill some ten of them in the row).
    const pages = async () =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT (ctid::text::point)[0])::int AS n FROM "SearchDocument"`)[0]!.n;
    expect(await pages()).toBeGreaterThanOrEqual(5);
    await rebuildSearchIndex();
    expect(await pages()).toBe(1);
    expect(await scoringRows()).toEqual(written);
    expect(await Promise.all(queries.map(found))).toEqual(before);
  });
});
