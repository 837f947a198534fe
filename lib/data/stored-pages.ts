import "server-only";
import { namedQuery, pool } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { publicPublicationSql } from "./visibility";

// Papers' whole pages kept in the database (server/stored-pages.ts decides
// when). Plain `pg` on the page pool, not Prisma: the read is on the path of
// every paper's page the server's memory copy does not hold, and a statement
// through Prisma costs about twice the CPU. No named (prepared) statements:
// the embedded database serves every connection from one session, where a
// second connection preparing the same name fails.

export type StoredPageKey = { publicationId: number; locale: Locale };

export type StoredPageRead = {
  html: string;
  /** [[name, value], ...] as Next.js answered. */
  headers: [string, string][];
  /** Seconds since it was stored. */
  ageSeconds: number;
  /** The public hit figure now: carried-over hits plus counted views. */
  hits: number;
};

export type StoredPageWrite = StoredPageKey & {
  renderedBy: string;
  html: string;
  headers: [string, string][];
  /** The epoch the page was rendered at (renderEpoch). */
  epoch: bigint;
};

/**
 * How long after a change to the series or the site settings a page rendered
 * is not stored: every instance caches them (lib/data/series.ts,
 * lib/data/site-settings.ts), and the others drop theirs within about a
 * second of a change (lib/revalidation/other-instances.ts). A paper's own
 * data is read afresh by every render.
 */
const SETTLE_SECONDS = 5;

/**
 * The stored pages' epoch, raised by every change that drops stored pages
 * (the triggers of migration 20261130042551_stored_pages), for a page about
 * to be rendered: read before anything the page shows, and written into it,
 * so that it is stored only if nothing changed since. Null within
 * SETTLE_SECONDS of a change to the series or the site: such a page is not stored.
 */
export async function renderEpoch(): Promise<bigint | null> {
  const { rows } = await pool().query<{ value: string; settled: boolean }>(
    namedQuery(
      `SELECT value::text, "siteChangedAt" < now() - make_interval(secs => $1) AS settled
      FROM "StoredPageEpoch" WHERE id = 1`,
      [SETTLE_SECONDS],
    ),
  );
  const row = rows[0];
  return row?.settled ? BigInt(row.value) : null;
}

/** The stored page of a public paper rendered by `renderedBy` (this build, this configuration), with the paper's hit figure now; null if there is none. */
export async function readStoredPage(key: StoredPageKey, renderedBy: string): Promise<StoredPageRead | null> {
  const { rows } = await pool().query<StoredPageRead>(
    namedQuery(
      `SELECT s.html, s.headers, extract(epoch FROM now() - s."storedAt")::float8 AS "ageSeconds",
        p."baseHits" + p."viewCount" AS hits
      FROM "StoredPage" s JOIN "Publication" p ON p.id = s."publicationId"
      WHERE s."publicationId" = $1 AND s.locale = $2::"Language" AND s."renderedBy" = $3 AND ${publicPublicationSql("p")}`,
      [key.publicationId, key.locale, renderedBy],
    ),
  );
  return rows[0] ?? null;
}

/**
 * Stores a page, unless the paper is not public (or gone), or anything a
 * stored page shows changed since the page was rendered: then it waits for a
 * later render. The epoch's row is locked for the statement, so a change
 * being committed meanwhile either waits for this write and then drops it, or
 * makes it store nothing. Returns whether it was stored.
 *
 * The paper's row is locked before the epoch's, in the order a change takes
 * them (a paper deleted or re-keyed holds its row, then its trigger raises the
 * epoch): locked the other way round, a paper deleted while its page was being
 * stored deadlocked with the write (found in e2e).
 */
export async function writeStoredPage(page: StoredPageWrite): Promise<boolean> {
  const { rowCount } = await pool().query({
    text: `WITH paper AS MATERIALIZED (SELECT p.id FROM "Publication" p
        WHERE p.id = $1 AND ${publicPublicationSql("p")} FOR KEY SHARE),
      unchanged AS (SELECT 1 FROM "StoredPageEpoch"
        WHERE id = 1 AND value = $6::bigint AND EXISTS (SELECT 1 FROM paper) FOR SHARE)
      INSERT INTO "StoredPage" ("publicationId", locale, "renderedBy", html, headers)
      SELECT paper.id, $2::"Language", $3, $4, $5::jsonb FROM paper WHERE EXISTS (SELECT 1 FROM unchanged)
      ON CONFLICT ("publicationId", locale) DO UPDATE SET "renderedBy" = EXCLUDED."renderedBy", html = EXCLUDED.html,
        headers = EXCLUDED.headers, "storedAt" = now()`,
    values: [page.publicationId, page.locale, page.renderedBy, page.html, JSON.stringify(page.headers), page.epoch.toString()],
  });
  return rowCount === 1;
}

/**
 * Public papers whose page in their own language `renderedBy` has not stored,
 * in id order after `afterId` (and before `beforeId`).
 */
export async function listMissingStoredPages(o: {
  renderedBy: string;
  afterId: number;
  beforeId?: number;
  limit: number;
}): Promise<StoredPageKey[]> {
  const { rows } = await pool().query<StoredPageKey>(
    `SELECT p.id AS "publicationId", p.language::text AS locale FROM "Publication" p
      WHERE ${publicPublicationSql("p")} AND p.id > $2 AND ($4::int IS NULL OR p.id < $4)
        AND NOT EXISTS (SELECT 1 FROM "StoredPage" s
          WHERE s."publicationId" = p.id AND s.locale = p.language AND s."renderedBy" = $1)
      ORDER BY p.id LIMIT $3`,
    [o.renderedBy, o.afterId, o.limit, o.beforeId ?? null],
  );
  return rows;
}

/** pg_try_advisory_lock's first key for the pages being stored ahead; the paper's id is the second. */
const STORING_AHEAD = "hashtext('perspectives.store-ahead')";

/**
 * Runs `store` if the paper's page in its own language is still missing for
 * `renderedBy` and no other instance is storing it now; whether it ran.
 * Instances storing ahead of readers start at different papers, but one
 * catches up with another (a slower machine, readers to answer) and could then
 * render the same pages side by side, each having found them missing before
 * the other stored them. The page's lock is held on a connection of its own
 * while it is rendered and stored: the instance that does not get it passes
 * the page by, and a page the holder failed to store is still missing on the
 * next pass. A session lock, so an instance that dies mid-render releases it
 * with its connection.
 */
export async function storeAheadAlone(key: StoredPageKey, renderedBy: string, store: () => Promise<unknown>): Promise<boolean> {
  const client = await pool().connect();
  let locked = false;
  let broken = false;
  try {
    const { rows } = await client.query<{ got: boolean }>(`SELECT pg_try_advisory_lock(${STORING_AHEAD}, $1) AS got`, [
      key.publicationId,
    ]);
    locked = rows[0]?.got === true;
    if (!locked) return false;
    // Checked once the lock is held: the last holder may just have stored it.
    const still = await listMissingStoredPages({
      renderedBy,
      afterId: key.publicationId - 1,
      beforeId: key.publicationId + 1,
      limit: 1,
    });
    if (still.length === 0) return false;
    await store();
    return true;
  } finally {
    if (locked)
      await client.query(`SELECT pg_advisory_unlock(${STORING_AHEAD}, $1)`, [key.publicationId]).catch(() => {
        broken = true;
      });
    // A lock not released goes with its connection, closed rather than handed on.
    client.release(broken);
  }
}

/** The highest paper id (0 with none): a pass over the papers picks its starting point below it. */
export async function lastPaperId(): Promise<number> {
  const { rows } = await pool().query<{ id: number }>(`SELECT coalesce(max(id), 0) AS id FROM "Publication"`);
  return rows[0]?.id ?? 0;
}

/**
 * Drops the stored pages that link to papers whose publication time came since
 * the last call, by any instance (their series neighbours' and twins'): no write
 * announces it (migration 20261130130000). Returns how many papers went public.
 */
export async function dropPagesLinkingToPapersGoneLive(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT stored_pages_drop_gone_live() AS n`);
  return rows[0]?.n ?? 0;
}
