import "server-only";
import { pool } from "@/lib/db";
import { SITE_TIME_ZONE } from "@/lib/site";

/** Advisory lock ids: one folding run and one purge at a time across every instance. */
const FOLD_LOCK = 7_301_001;
const PURGE_LOCK = 7_301_002;
export const DOUBLE_CLICK_SECONDS = 30;

/**
 * Folds new usage events into DailyStat and the publications' totals, in one
 * transaction. An event counts unless the same visitor used the same item
 * (page, or file for downloads) in the 30 seconds before it: COUNTER's
 * double-click filter. Runs under an advisory lock, so running it twice or from
 * two instances at once does the work once. Returns the events folded.
 */
export async function foldUsageEvents({ batchSize = 50_000, graceSeconds = 2 } = {}): Promise<number> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [FOLD_LOCK]);
    if (!lock[0]?.ok) {
      await client.query("ROLLBACK");
      return 0;
    }
    const { rows } = await client.query<{ n: number }>(
      `WITH batch AS (
         SELECT id, kind, "publicationId", "attachmentId", "visitorHash", "occurredAt" FROM "UsageEvent"
         -- A two-second grace lets inserts still in flight commit before their successors are judged.
         WHERE "aggregatedAt" IS NULL AND "occurredAt" <= now() - make_interval(secs => $4) ORDER BY id LIMIT $1
       ),
       counted AS (
         SELECT b.* FROM batch b
         WHERE NOT EXISTS (
           SELECT 1 FROM "UsageEvent" e
           WHERE e."publicationId" = b."publicationId" AND e.kind = b.kind AND e."visitorHash" = b."visitorHash"
             AND e."attachmentId" IS NOT DISTINCT FROM b."attachmentId"
             AND e."occurredAt" > b."occurredAt" - make_interval(secs => $2)
             AND (e."occurredAt" < b."occurredAt" OR (e."occurredAt" = b."occurredAt" AND e.id < b.id))
         )
       ),
       per_day AS (
         SELECT "publicationId", ("occurredAt" AT TIME ZONE $3)::date AS day,
                count(*) FILTER (WHERE kind = 'view')::int AS views,
                count(*) FILTER (WHERE kind = 'download')::int AS downloads
         FROM counted GROUP BY 1, 2
       ),
       daily AS (
         INSERT INTO "DailyStat" ("publicationId", day, views, downloads)
         SELECT "publicationId", day, views, downloads FROM per_day
         ON CONFLICT ("publicationId", day) DO UPDATE
           SET views = "DailyStat".views + EXCLUDED.views, downloads = "DailyStat".downloads + EXCLUDED.downloads
       ),
       totals AS (
         UPDATE "Publication" p SET "viewCount" = p."viewCount" + t.views, "downloadCount" = p."downloadCount" + t.downloads
         FROM (SELECT "publicationId", sum(views)::int AS views, sum(downloads)::int AS downloads FROM per_day GROUP BY 1) t
         WHERE p.id = t."publicationId"
       ),
       marked AS (
         UPDATE "UsageEvent" e SET "aggregatedAt" = now() FROM batch WHERE e.id = batch.id RETURNING 1
       )
       SELECT count(*)::int AS n FROM marked`,
      [batchSize, DOUBLE_CLICK_SECONDS, SITE_TIME_ZONE, graceSeconds],
    );
    await client.query("COMMIT");
    return rows[0]?.n ?? 0;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Deletes folded raw events older than the retention window; the daily aggregates stay for ever. */
export async function purgeUsageEvents(retentionDays: number): Promise<number> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [PURGE_LOCK]);
    if (!lock[0]?.ok) {
      await client.query("ROLLBACK");
      return 0;
    }
    const result = await client.query(
      `DELETE FROM "UsageEvent" WHERE "aggregatedAt" IS NOT NULL AND "occurredAt" < now() - make_interval(days => $1)`,
      [retentionDays],
    );
    await client.query("COMMIT");
    return result.rowCount ?? 0;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
