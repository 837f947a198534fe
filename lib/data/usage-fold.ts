import "server-only";
import { SITE_TIME_ZONE } from "@/lib/site";
import type pg from "pg";
import { FOLD_LOCK, underAdvisoryLock } from "./usage-events";

export const DOUBLE_CLICK_SECONDS = 30;

/**
 * Folds new usage events into DailyStat and the publications' totals, in one
 * transaction. An event counts unless the same visitor used the same item
 * (page, or file for downloads) in the 30 seconds before it: COUNTER's
 * double-click filter. Runs under an advisory lock, so running it twice or from
 * two instances at once does the work once. Returns the events folded.
 *
 * Events are taken in order of insertion (insertedAt, the clock when the row
 * was written), from the watermark in StatsFold up to a bound no uncommitted
 * row can fall under: the start of the oldest transaction still open in the
 * database (its rows were written after it began), and at most now minus a
 * grace that lets buffered events from other instances arrive before their
 * successors are judged. So no event is skipped and none is folded twice,
 * without touching the events themselves. Only transactions that have written
 * hold the bound back: a long one delays folding while it lasts, and never
 * loses a view; one that only reads (a report, a backup) does not delay it.
 *
 * Events may be written long after they happened (kept through a database
 * outage, lib/stats/usage-writer.ts), so an event may arrive after a later one
 * of the same visitor was already folded. The totals are kept equal to the
 * filter applied to every event folded so far, whatever the order they came
 * in: a batch event is judged against the events folded before it and the
 * batch (not rows written since), and a folded event that counted but now has
 * a batch event less than 30 seconds before it stops counting (its day and
 * total are decremented). Rows written twice (a write that timed out at
 * shutdown and was also spooled) are identical, so the copy is a double click
 * of the original and counts nothing.
 */
export function foldUsageEvents({ batchSize = 50_000, graceSeconds = 2 } = {}): Promise<number> {
  return underAdvisoryLock(FOLD_LOCK, 0, (client) => fold(client, batchSize, graceSeconds));
}

/**
 * The scheduled fold (lib/stats/scheduler.ts): runs unless an instance ran it
 * less than `intervalSeconds` ago (with a fifth of slack for timers firing a
 * little early). Every instance ticks on its own clock; the time of the last
 * run, in the database, makes the fold run once per interval however many
 * instances there are. Returns the events folded, or null for a turn skipped.
 */
export function foldUsageEventsIfDue(intervalSeconds: number): Promise<number | null> {
  return underAdvisoryLock(FOLD_LOCK, null, async (client) => {
    const { rows } = await client.query<{ due: boolean }>(
      `SELECT coalesce((SELECT "ranAt" FROM "StatsFold" WHERE id = 1) <= now() - make_interval(secs => $1::float8), true) AS due`,
      [intervalSeconds * 0.8],
    );
    if (!rows[0]?.due) return null;
    await client.query(
      `INSERT INTO "StatsFold" (id, "foldedThrough", "ranAt", runs) VALUES (1, '-infinity', now(), 1)
       ON CONFLICT (id) DO UPDATE SET "ranAt" = now(), runs = "StatsFold".runs + 1`,
    );
    return fold(client, 50_000, 2);
  });
}

async function fold(client: pg.PoolClient, batchSize: number, graceSeconds: number): Promise<number> {
  // Read before the fold's own statement takes its snapshot: a transaction
  // that commits in between was open here, so the bound is below its rows.
  // Only transactions that have written count (backend_xid: PostgreSQL gives a
  // transaction an id at its first write). One that has not written yet can
  // only write rows stamped later, when it does: an event's insertedAt is the
  // clock at its insert, taken just before the insert gives its transaction an
  // id, and the grace keeps the bound seconds behind now. So a backup or a
  // report reading for an hour does not hold folding back. Never below the
  // watermark: it only moves forward. Timestamps stay text between
  // statements: a JavaScript Date would drop their microseconds.
  const { rows: window } = await client.query<{ from: string; until: string }>(
    `WITH w AS (SELECT coalesce((SELECT "foldedThrough" FROM "StatsFold" WHERE id = 1), '-infinity'::timestamptz) AS "from")
     SELECT w."from"::text AS "from",
            greatest(w."from", least(now() - make_interval(secs => $1),
              (SELECT min(a.xact_start) FROM pg_stat_activity a
               WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
                 AND a.backend_type = 'client backend' AND a.xact_start IS NOT NULL AND a.backend_xid IS NOT NULL)))::text AS "until"
     FROM w`,
    [graceSeconds],
  );
  const { from, until: bound } = window[0]!;
  // A long backlog is folded in slices of batchSize; events sharing the cut's instant go with the next slice.
  const { rows: cut } = await client.query<{ at: string }>(
    `SELECT "insertedAt"::text AS at FROM "UsageEvent" WHERE "insertedAt" >= $1::timestamptz AND "insertedAt" < $2::timestamptz
     ORDER BY "insertedAt" OFFSET $3 LIMIT 1`,
    [from, bound, batchSize],
  );
  const until = cut[0]?.at ?? bound;
  // Sorting and hashing a batch of 50,000 events wants more than the default 4 MB.
  await client.query("SET LOCAL work_mem = '64MB'");
  const { rows } = await client.query<{ n: number }>(
    `WITH batch AS MATERIALIZED (
       SELECT id, kind, "publicationId", "attachmentId", "visitorHash", "occurredAt" FROM "UsageEvent"
       WHERE "insertedAt" >= $3::timestamptz AND "insertedAt" < $4::timestamptz
     ),
     -- Every event that bears on a batch event or that a batch event bears on:
     -- by a visitor of the batch, within 30 seconds either side of its events,
     -- folded before ("folded") or in this batch. One range over occurredAt
     -- and a hash join, not an index probe per event.
     nearby AS MATERIALIZED (
       SELECT e.id, e.kind, e."publicationId", e."attachmentId", e."visitorHash", e."occurredAt", e."insertedAt" < $3::timestamptz AS folded
       FROM "UsageEvent" e
       WHERE e."occurredAt" > (SELECT min("occurredAt") FROM batch) - make_interval(secs => $1)
         AND e."occurredAt" < (SELECT max("occurredAt") FROM batch) + make_interval(secs => $1)
         AND e."insertedAt" < $4::timestamptz
         AND (e."publicationId", e.kind, e."visitorHash") IN (SELECT "publicationId", kind, "visitorHash" FROM batch)
     ),
     -- Each nearby event with, among the events of its visitor and item before
     -- it (in time, ties broken by id), the latest one ("prev"), the latest one
     -- folded before ("prev_folded") and the latest one of this batch
     -- ("prev_batch"). "Some event less than 30 seconds before" is "the latest
     -- one is less than 30 seconds before": one sort, where testing every pair
     -- took time growing with the square of one visitor's events (a crawler
     -- reading one paper thousands of times held folding for everyone).
     ordered AS (
       SELECT n.*,
         lag(n."occurredAt") OVER w AS prev,
         max(n."occurredAt") FILTER (WHERE n.folded) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_folded,
         max(n."occurredAt") FILTER (WHERE NOT n.folded) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_batch
       FROM nearby n
       WINDOW w AS (PARTITION BY n."publicationId", n.kind, n."visitorHash", n."attachmentId" ORDER BY n."occurredAt", n.id)
     ),
     -- Batch events with no event of the same visitor and item less than 30 seconds before them.
     counted AS (
       SELECT o.* FROM ordered o
       WHERE NOT o.folded AND (o.prev IS NULL OR o.prev <= o."occurredAt" - make_interval(secs => $1))
       -- Events have no foreign key: one whose publication was deleted meanwhile is dropped here.
       AND EXISTS (SELECT 1 FROM "Publication" p WHERE p.id = o."publicationId")
     ),
     -- Folded events that counted (nothing folded came before them) and no
     -- longer do: a batch event, written late, comes before them.
     uncounted AS (
       SELECT o.* FROM ordered o
       WHERE o.folded
         AND o.prev_batch > o."occurredAt" - make_interval(secs => $1)
         AND (o.prev_folded IS NULL OR o.prev_folded <= o."occurredAt" - make_interval(secs => $1))
         AND EXISTS (SELECT 1 FROM "Publication" p WHERE p.id = o."publicationId")
     ),
     changes AS (
       SELECT "publicationId", kind, "occurredAt", 1 AS n FROM counted
       UNION ALL
       SELECT "publicationId", kind, "occurredAt", -1 FROM uncounted
     ),
     per_day AS (
       SELECT "publicationId", ("occurredAt" AT TIME ZONE $2)::date AS day,
              coalesce(sum(n) FILTER (WHERE kind = 'view'), 0)::int AS views,
              coalesce(sum(n) FILTER (WHERE kind = 'download'), 0)::int AS downloads
       FROM changes GROUP BY 1, 2
     ),
     -- Days that have a row are changed in place (a decrement only ever meets
     -- a day that counted the view); the others get one. Never below zero
     -- (the counters' check): a figure changed by hand must not stop folding.
     changed AS (
       UPDATE "DailyStat" d
       SET views = greatest(0, d.views + c.views), downloads = greatest(0, d.downloads + c.downloads)
       FROM per_day c
       WHERE d."publicationId" = c."publicationId" AND d.day = c.day AND (c.views <> 0 OR c.downloads <> 0)
       RETURNING d."publicationId", d.day
     ),
     added AS (
       INSERT INTO "DailyStat" ("publicationId", day, views, downloads)
       SELECT c."publicationId", c.day, greatest(0, c.views), greatest(0, c.downloads) FROM per_day c
       WHERE (c.views > 0 OR c.downloads > 0)
         AND NOT EXISTS (SELECT 1 FROM changed d WHERE d."publicationId" = c."publicationId" AND d.day = c.day)
     ),
     totals AS (
       UPDATE "Publication" p
       SET "viewCount" = greatest(0, p."viewCount" + t.views), "downloadCount" = greatest(0, p."downloadCount" + t.downloads)
       FROM (SELECT "publicationId", sum(views)::int AS views, sum(downloads)::int AS downloads FROM per_day GROUP BY 1) t
       WHERE p.id = t."publicationId" AND (t.views <> 0 OR t.downloads <> 0)
     ),
     moved AS (
       INSERT INTO "StatsFold" (id, "foldedThrough") VALUES (1, $4::timestamptz)
       ON CONFLICT (id) DO UPDATE SET "foldedThrough" = EXCLUDED."foldedThrough"
     )
     SELECT count(*)::int AS n FROM batch`,
    [DOUBLE_CLICK_SECONDS, SITE_TIME_ZONE, from, until],
  );
  return rows[0]?.n ?? 0;
}
