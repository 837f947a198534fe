import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";
import { publicPublicationSql } from "@/lib/data/visibility";
import type { UsageEvent } from "@/lib/stats/usage-spool";

// The statements that record usage events and purge them. Buffering, retries
// and the spool live in lib/stats/; folding into totals in usage-fold.ts.

/** Advisory lock ids: one folding run and one purge at a time across every instance. */
export const FOLD_LOCK = 7_301_001;
const PURGE_LOCK = 7_301_002;

// Unknown and unpublished ids (404s) are kept out. The ids are looked up by
// primary key as a list ($6): written as a correlated EXISTS, the planner
// could not tell how many events there are and hashed the whole Publication
// table for every batch (8 ms at 10,000 papers, growing with the catalogue).
// Each column travels as one comma-separated string, split by the database:
// as arrays, the driver quoted and escaped every element, and the batch cost
// the server 2.7-4.0 µs of CPU an event against 1.6-2.0 (500-event batches,
// `process.cpuUsage`). No value can hold a comma: kinds are words, ids and
// times numbers, visitors hex; a download's file id is empty for a view.
// Unnamed on purpose: the embedded database serves every connection from one
// session, where a named statement prepared twice is an error.
function insertion(events: readonly UsageEvent[]): pg.QueryConfig {
  const column = (value: (e: UsageEvent) => string | number) => events.map(value).join(",");
  return {
    text: `INSERT INTO "UsageEvent" (kind, "publicationId", "attachmentId", "visitorHash", "occurredAt")
           SELECT e.kind::"UsageKind", e.pid, e.aid, e.visitor, to_timestamp(e.at / 1000.0)
           FROM unnest(string_to_array($1, ','), string_to_array($2, ',')::int[], string_to_array($3, ',', '')::int[],
                       string_to_array($4, ','), string_to_array($5, ',')::float8[]) AS e(kind, pid, aid, visitor, at)
           WHERE e.pid IN (SELECT p.id FROM "Publication" p
                           WHERE p.id = ANY(string_to_array($6, ',')::int[]) AND ${publicPublicationSql("p")})`,
    values: [
      column((e) => e.kind),
      column((e) => e.publicationId),
      column((e) => e.attachmentId ?? ""),
      column((e) => e.visitorHash),
      column((e) => e.at),
      [...new Set(events.map((e) => e.publicationId))].join(","),
    ],
  };
}

/** Writes events in one multi-row statement. */
export async function insertUsageEvents(events: readonly UsageEvent[]): Promise<void> {
  await pool().query(insertion(events));
}

/** Writes every chunk in one transaction: all written, or none (a spool file). */
export async function insertUsageEventsAllOrNone(chunks: AsyncIterable<readonly UsageEvent[]>): Promise<void> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    for await (const chunk of chunks) await client.query(insertion(chunk));
    await client.query("COMMIT");
  } catch (e) {
    broken = e as Error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    // A connection that failed mid-transaction is not handed out again.
    client.release(broken);
  }
}

/** Runs `work` in one transaction holding advisory lock `lock`; `busy` when another session holds it. */
export async function underAdvisoryLock<T>(lock: number, busy: T, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [lock]);
    if (!rows[0]?.ok) {
      await client.query("ROLLBACK");
      return busy;
    }
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Deletes folded raw events older than the retention window; the daily aggregates stay for ever. */
export function purgeUsageEvents(retentionDays: number): Promise<number> {
  return underAdvisoryLock(PURGE_LOCK, 0, async (client) => {
    const result = await client.query(
      `DELETE FROM "UsageEvent" WHERE "occurredAt" < now() - make_interval(days => $1)
         AND "insertedAt" < coalesce((SELECT "foldedThrough" FROM "StatsFold" WHERE id = 1), '-infinity')`,
      [retentionDays],
    );
    return result.rowCount ?? 0;
  });
}
