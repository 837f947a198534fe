// A search that runs past its time limit (SEARCH_STATEMENT_TIMEOUT_MS) is
// stopped by PostgreSQL and answered with a page asking the reader to narrow
// it: never an error page, and never cached as if nothing matched.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: the test holds a lock every search needs.
const fresh = await createDatabase("perspectives_search_timeout");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { endPools, SEARCH_STATEMENT_TIMEOUT_MS } = await import("@/lib/db");
const { listPublications } = await import("@/lib/data/publications");
const { indexQueuedPapers } = await import("@/lib/data/search-index");
const { createPublication, createSeries, uid } = await import("./support/factories");

afterAll(async () => {
  await endPools();
  await fresh.drop();
});

describe("a search past its time limit", () => {
  it("lists nothing and says so, then answers normally once it can", async () => {
    const tag = uid();
    const paper = await createPublication({ seriesId: (await createSeries()).id, title: `Harbour ${tag}` });
    await indexQueuedPapers();
    // Another session holds the search's table, as a long write or a storm of searches would:
    // the search waits, and its statement_timeout stops it.
    const blocker = new pg.Client({ connectionString: fresh.url });
    await blocker.connect();
    try {
      await blocker.query(`BEGIN; LOCK TABLE "SearchDocument" IN ACCESS EXCLUSIVE MODE`);
      const started = Date.now();
      const stopped = await listPublications({ locale: "en", q: `harbour ${tag}` }, 1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(SEARCH_STATEMENT_TIMEOUT_MS - 50);
      expect(stopped).toMatchObject({ timedOut: true, total: 0, items: [] });
      // The plain listing does not wait on the search's limit.
      expect((await listPublications({ locale: "en" }, 1)).timedOut).toBe(false);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    const answered = await listPublications({ locale: "en", q: `harbour ${tag}` }, 1);
    expect(answered.timedOut).toBe(false);
    expect(answered.items.map((i) => i.id)).toEqual([paper.id]);
  });
});
