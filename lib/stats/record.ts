import "server-only";
import path from "node:path";
import { insertUsageEvents, insertUsageEventsAllOrNone } from "@/lib/data/usage-events";
import { env } from "@/lib/env";
import type { UsageEvent } from "./usage-spool";
import { createUsageWriter, type UsageWriter } from "./usage-writer";
import { visitorHash } from "./visitor";

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

// Uses wait a moment before their visitor is hashed, and are hashed together:
// the salted SHA-256 costs about 0.6 µs in a run of them but 5–7 µs alone
// among a request's other work (a CPU profile of a counting server), its code
// and state out of the CPU's caches, and counting runs on every page view.
// The address and agent stay in this process's memory for HASH_AFTER_MS at
// most, as the request's own headers do; only the hash goes further (the
// writer, the database, a spool file).
// The uses hashed together are given the time they are hashed, read once:
// at most HASH_AFTER_MS after each arrived, nothing to COUNTER's 30-second
// double clicks or a day's totals, and no clock read on each page view
// (Next.js wraps `Date.now` in the server, at about 2 µs a reading; the
// monotonic clock added to a reading once a second still cost 0.65 µs a view).
type Unhashed = Omit<UsageEvent, "visitorHash" | "at"> & { clientAddress: string; userAgent: string };
const HASH_AFTER_MS = 25;
const HASH_AT = 256;

// One writer per process, created on first use (its spool folder is read from the environment),
// and the uses waiting to be hashed for it; shared by every copy of this module the bundles load.
const slot = globalThis as { usageWriter?: UsageWriter; unhashedUses?: { uses: Unhashed[]; timer?: NodeJS.Timeout } };

function writer(): UsageWriter {
  slot.usageWriter ??= createDatabaseUsageWriter({ spoolDir: path.join(env().DATA_DIR, "stats-spool") });
  return slot.usageWriter;
}

function unhashed() {
  slot.unhashedUses ??= { uses: [] };
  return slot.unhashedUses;
}

/** Hashes the waiting uses' visitors (with the secret of their day) and hands them to the writer. */
function hashWaiting() {
  const waiting = unhashed();
  clearTimeout(waiting.timer);
  waiting.timer = undefined;
  if (waiting.uses.length === 0) return;
  const uses = waiting.uses;
  waiting.uses = [];
  try {
    const secret = env().AUTH_SECRET;
    const at = Date.now();
    for (const u of uses)
      void enqueue(u.kind, u.publicationId, u.attachmentId, visitorHash(secret, u.clientAddress, u.userAgent, at), at);
  } catch (error) {
    // Run from a timer: thrown, it would end the process. The reader had the page long ago.
    console.error(`[stats] recording ${uses.length} uses failed:`, error);
  }
}

/**
 * A view (`attachmentId` null) or a download by the visitor at `clientAddress`
 * with `userAgent`, now: hashed within HASH_AFTER_MS with others, and given
 * that moment's time, then written as recordView's and recordDownload's are.
 */
export function recordUse(use: Unhashed): void {
  const waiting = unhashed();
  waiting.uses.push(use);
  if (waiting.uses.length >= HASH_AT) hashWaiting();
  else waiting.timer ??= setTimeout(hashWaiting, HASH_AFTER_MS);
}

/** Writes whatever is waiting; resolves when it is in the database, or kept for it in an outage. */
export function flushUsageEvents(): Promise<void> {
  hashWaiting();
  return writer().flush();
}

/** At shutdown: writes what can be written; the rest goes to the spool for the next start. */
export function closeUsageEvents(): Promise<void> {
  hashWaiting();
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
