// Test files that share the test database share its search queue too: an
// indexer in one file may have taken a paper another file just wrote (its
// batch skips rows another holds, SKIP LOCKED) and not yet written it.
import { db } from "@/lib/db";
import { indexQueuedPapers } from "@/lib/data/search-index";

/**
 * Indexes every paper queued so far, also those another file's indexer holds:
 * waits for its batches to end (FOR UPDATE waits where SKIP LOCKED passed the
 * rows by; in key order, so that two files waiting never deadlock), then
 * indexes what is left.
 */
export async function indexEveryQueuedPaper(): Promise<void> {
  await indexQueuedPapers();
  await db.$queryRaw`SELECT "publicationId" FROM "SearchQueue" ORDER BY "publicationId" FOR UPDATE`;
  await indexQueuedPapers();
}
