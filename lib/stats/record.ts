import "server-only";
import path from "node:path";
import type pg from "pg";
import { pool } from "@/lib/db";
import { publicPublicationSql } from "@/lib/data/visibility";
import { env } from "@/lib/env";
import type { UsageEvent } from "./usage-spool";
import { createUsageWriter, type UsageWriter } from "./usage-writer";

// Appends only: no counter row is locked on the request path. Whether a view
// counts (double clicks) is decided when the events are folded into totals.
// Events wait here a moment and go to PostgreSQL in one multi-row insert: one
// statement per burst instead of one per page view. While the database cannot
// be reached they are kept, and written when it is back (usage-writer.ts); a
// process killed outright loses at most what it held in memory.

// PostgreSQL's integer: a larger id (a made-up URL) names no publication, and would fail its whole batch.
const MAX_ID = 2_147_483_647;

// Unknown and unpublished ids (404s) are kept out. The ids are looked up by
// primary key as a list ($6): written as a correlated EXISTS, the planner
// could not tell how many events there are and hashed the whole Publication
// table for every batch (8 ms at 10,000 papers, growing with the catalogue).
// Unnamed on purpose: the embedded database serves every connection from one
// session, where a named statement prepared twice is an error.
function insertion(events: readonly UsageEvent[]): pg.QueryConfig {
  return {
    text: `INSERT INTO "UsageEvent" (kind, "publicationId", "attachmentId", "visitorHash", "occurredAt")
           SELECT e.kind::"UsageKind", e.pid, e.aid, e.visitor, to_timestamp(e.at / 1000.0)
           FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::float8[]) AS e(kind, pid, aid, visitor, at)
           WHERE e.pid IN (SELECT p.id FROM "Publication" p WHERE p.id = ANY($6::int[]) AND ${publicPublicationSql("p")})`,
    values: [
      events.map((e) => e.kind),
      events.map((e) => e.publicationId),
      events.map((e) => e.attachmentId),
      events.map((e) => e.visitorHash),
      events.map((e) => e.at),
      [...new Set(events.map((e) => e.publicationId))],
    ],
  };
}

async function insert(events: readonly UsageEvent[]) {
  await pool().query(insertion(events));
}

/** A spool file's events in one transaction: all written, or none. */
async function insertAll(chunks: AsyncIterable<readonly UsageEvent[]>) {
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

/** A writer to this database, spooling in `spoolDir`; the process has one (below), tests make their own. */
export function createDatabaseUsageWriter(options: { spoolDir: string; maxInMemory?: number }): UsageWriter {
  return createUsageWriter({ insert, insertAll, ...options });
}

// One writer per process, created on first use (its spool folder is read from the environment).
const slot = globalThis as { usageWriter?: UsageWriter };

function writer(): UsageWriter {
  slot.usageWriter ??= createDatabaseUsageWriter({ spoolDir: path.join(env().DATA_DIR, "stats-spool") });
  return slot.usageWriter;
}

/** Writes whatever is waiting; resolves when it is in the database, or kept for it in an outage. */
export function flushUsageEvents(): Promise<void> {
  return writer().flush();
}

/** At shutdown: writes what can be written; the rest goes to the spool for the next start. */
export function closeUsageEvents(): Promise<void> {
  return writer().close();
}

/** At start: writes the usage events a previous run kept in its spool. */
export function recoverUsageEvents(): Promise<void> {
  return writer().recover();
}

function enqueue(kind: UsageEvent["kind"], publicationId: number, attachmentId: number | null, visitorHash: string) {
  if (publicationId > MAX_ID || (attachmentId ?? 0) > MAX_ID) return Promise.resolve();
  return writer().add({ kind, publicationId, attachmentId, visitorHash, at: Date.now() });
}

export function recordView(publicationId: number, visitorHash: string) {
  return enqueue("view", publicationId, null, visitorHash);
}

export function recordDownload(publicationId: number, attachmentId: number, visitorHash: string) {
  return enqueue("download", publicationId, attachmentId, visitorHash);
}
