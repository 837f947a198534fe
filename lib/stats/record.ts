import "server-only";
import { pool } from "@/lib/db";
import { publicPublicationSql } from "@/lib/data/visibility";

// Appends only: no counter row is locked on the request path. Whether a view
// counts (double clicks) is decided when the events are folded into totals.
// Events wait here a moment and go to PostgreSQL in one multi-row insert: one
// statement per burst instead of one per page view. The wait is short, and
// nothing in it is state another instance needs; a process killed outright
// loses at most that fraction of a second of events.
const FLUSH_AFTER_MS = 200;
const FLUSH_AT = 500;

// `at` in epoch milliseconds: a number per view is cheaper to make and to send than a Date.
type Pending = { kind: "view" | "download"; publicationId: number; attachmentId: number | null; visitorHash: string; at: number };

let pending: Pending[] = [];
let timer: NodeJS.Timeout | undefined;
let inFlight: Promise<void> = Promise.resolve();

async function write(batch: Pending[]) {
  // Unknown and unpublished ids (404s) are kept out. The ids are looked up by
  // primary key as a list ($6): written as a correlated EXISTS, the planner
  // could not tell how many events there are and hashed the whole Publication
  // table for every batch (8 ms at 10,000 papers, growing with the catalogue).
  // Unnamed on purpose: the embedded database serves every connection from one
  // session, where a named statement prepared twice is an error.
  await pool().query({
    text: `INSERT INTO "UsageEvent" (kind, "publicationId", "attachmentId", "visitorHash", "occurredAt")
           SELECT e.kind::"UsageKind", e.pid, e.aid, e.visitor, to_timestamp(e.at / 1000.0)
           FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::float8[]) AS e(kind, pid, aid, visitor, at)
           WHERE e.pid IN (SELECT p.id FROM "Publication" p WHERE p.id = ANY($6::int[]) AND ${publicPublicationSql("p")})`,
    values: [
      batch.map((e) => e.kind),
      batch.map((e) => e.publicationId),
      batch.map((e) => e.attachmentId),
      batch.map((e) => e.visitorHash),
      batch.map((e) => e.at),
      [...new Set(batch.map((e) => e.publicationId))],
    ],
  });
}

/** Writes whatever is waiting; resolves when it is in the database. */
export function flushUsageEvents(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const batch = pending;
  pending = [];
  if (batch.length > 0) {
    inFlight = inFlight
      .then(() => write(batch))
      .catch((e: unknown) => console.error(`[stats] ${batch.length} usage events could not be written:`, e));
  }
  return inFlight;
}

// One settled promise for every event that only joins the buffer.
const QUEUED = Promise.resolve();

/** Resolves when the event is buffered, or, when it fills the buffer, written. Never rejects. */
function enqueue(event: Omit<Pending, "at">): Promise<void> {
  pending.push({ ...event, at: Date.now() });
  if (pending.length >= FLUSH_AT) return flushUsageEvents();
  timer ??= setTimeout(() => void flushUsageEvents(), FLUSH_AFTER_MS);
  return QUEUED;
}

export function recordView(publicationId: number, visitorHash: string) {
  return enqueue({ kind: "view", publicationId, attachmentId: null, visitorHash });
}

export function recordDownload(publicationId: number, attachmentId: number, visitorHash: string) {
  return enqueue({ kind: "download", publicationId, attachmentId, visitorHash });
}
