import "server-only";
import { db } from "@/lib/db";
import { LIVE_TABLES, readPaperTexts, writeSearchDocuments } from "@/lib/data/search-documents";

/** Papers indexed per transaction: small enough that a batch of long PDFs stays well within its time. */
const BATCH = 10;
/**
 * A batch's time limit. A batch takes a fraction of a second to a few seconds.
 * It once took minutes: the write that filled a GIN index's pending list
 * merged the whole list into the index inside the batch's transaction (16
 * minutes with 10,000 real-size papers, which failed a reindex). The indexes
 * are now written in place (`fastupdate = off`, migration
 * 20261130041500_search_indexes_updated_in_place); the limit stays generous
 * for a slow machine. Nothing waits on a batch meanwhile: others skip its
 * locked queue rows, and an editor's save queues a paper without waiting.
 */
const BATCH_TIMEOUT_MS = 10 * 60_000;
/** How long a batch waits for a connection. */
const CONNECTION_WAIT_MS = 60_000;

/** How many papers wait to be (re-)indexed. */
export async function searchQueueLength(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SearchQueue"`;
  return row?.n ?? 0;
}

/** Queues every paper, for `npm run search:reindex` (a changed tokenizer). */
export async function queueAllPapers(): Promise<number> {
  return db.$executeRaw`INSERT INTO "SearchQueue" ("publicationId") SELECT id FROM "Publication"
    ON CONFLICT ("publicationId") DO NOTHING`;
}

/**
 * Indexes one batch of queued papers and takes them off the queue, in one
 * transaction. Several instances share the queue: each takes rows the others
 * have not locked (SKIP LOCKED). A paper changed while it is being indexed
 * waits for this transaction to end and is queued again by its trigger
 * (migration 20261130110000), then indexed anew.
 *
 * The batch waits on nobody, so that nobody waiting on it can deadlock: a
 * paper being deleted is left queued for a later batch. The delete holds the
 * paper's row and, through its cascades, the stored pages' epoch while it
 * waits for the paper's document; a batch that had written that document and
 * then waited on another paper's delete closed a circle (found in e2e). The
 * papers taken are locked against deletion (FOR KEY SHARE, which edits do not
 * wait on) before their documents are written.
 * Returns how many were taken off the queue.
 */
export async function indexQueuedBatch(): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const queued = await tx.$queryRaw<{ publicationId: number }[]>`
        SELECT "publicationId" FROM "SearchQueue" ORDER BY "queuedAt", "publicationId"
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (queued.length === 0) return 0;
      const queuedIds = queued.map((q) => q.publicationId);
      // A paper whose row a delete holds is skipped; one already deleted is just taken off the queue
      // (its document went with it, by cascade).
      const papersFree = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM "Publication" WHERE id = ANY(${queuedIds}::int[]) ORDER BY id FOR KEY SHARE SKIP LOCKED`;
      const free = new Set(papersFree.map((p) => p.id));
      const notFree = queuedIds.filter((id) => !free.has(id));
      // Of those not locked, the ones still there are being deleted (or re-keyed) right now.
      const held =
        notFree.length === 0
          ? []
          : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Publication" WHERE id = ANY(${notFree}::int[])`;
      const busy = new Set(held.map((p) => p.id));
      const ids = queuedIds.filter((id) => !busy.has(id));
      if (ids.length === 0) return 0;
      // On the transaction's own connection: the embedded database (PGlite) runs
      // nothing from other connections while a transaction is open.
      await writeSearchDocuments(tx, LIVE_TABLES, await readPaperTexts(tx, ids));
      await tx.$executeRaw`DELETE FROM "SearchQueue" WHERE "publicationId" = ANY(${ids}::int[])`;
      return ids.length;
    },
    { timeout: BATCH_TIMEOUT_MS, maxWait: CONNECTION_WAIT_MS },
  );
}

/**
 * Frees the queue's dead rows. Every paper indexed leaves its queue row dead
 * until a vacuum, and a filtered search reads the queue (search-ranking.ts:
 * queuedMatchesCte): after an import or a rebuild of 100,000 papers, with
 * autovacuum off or not yet come round, each search read 5,045 pages of dead
 * rows to find the queue empty, a quarter of its database time. Vacuuming a
 * queue of a few rows takes a millisecond. SKIP_LOCKED: when another instance
 * is vacuuming it, that one is enough. Best effort: a failure leaves the rows
 * to autovacuum and is only logged.
 */
export async function vacuumSearchQueue(): Promise<void> {
  await db.$executeRawUnsafe(`VACUUM (SKIP_LOCKED) "SearchQueue"`).catch((e: unknown) => {
    console.error("[search] vacuuming the queue failed:", e);
  });
}

/**
 * Indexes until the queue is empty (or `until` says stop); `onBatch` hears how
 * many so far. A pass that emptied the queue vacuums it (vacuumSearchQueue).
 */
export async function indexQueuedPapers(onBatch?: (done: number) => void, until?: AbortSignal): Promise<number> {
  let done = 0;
  for (;;) {
    if (until?.aborted) return done;
    const n = await indexQueuedBatch();
    if (n === 0) {
      if (done > 0) await vacuumSearchQueue();
      return done;
    }
    done += n;
    onBatch?.(done);
  }
}
