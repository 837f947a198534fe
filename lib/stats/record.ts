import "server-only";
import path from "node:path";
import { insertUsageEvents, insertUsageEventsAllOrNone } from "@/lib/data/usage-events";
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

/** A writer to this database, spooling in `spoolDir`; the process has one (below), tests make their own. */
export function createDatabaseUsageWriter(options: { spoolDir: string; maxInMemory?: number }): UsageWriter {
  return createUsageWriter({ insert: insertUsageEvents, insertAll: insertUsageEventsAllOrNone, ...options });
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

function enqueue(kind: UsageEvent["kind"], publicationId: number, attachmentId: number | null, visitorHash: string, at: number) {
  if (publicationId > MAX_ID || (attachmentId ?? 0) > MAX_ID) return Promise.resolve();
  return writer().add({ kind, publicationId, attachmentId, visitorHash, at });
}

/** `at`: when it happened, in epoch milliseconds. */
export function recordView(publicationId: number, visitorHash: string, at = Date.now()) {
  return enqueue("view", publicationId, null, visitorHash, at);
}

export function recordDownload(publicationId: number, attachmentId: number, visitorHash: string, at = Date.now()) {
  return enqueue("download", publicationId, attachmentId, visitorHash, at);
}
