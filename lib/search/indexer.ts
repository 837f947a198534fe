import "server-only";
import { noteDatabaseError } from "@/lib/db-outage";
import { indexQueuedPapers } from "@/lib/data/search-index";

/** How often an instance looks at the search queue: "searchable within seconds" of an edit, upload or import. */
export const SEARCH_INDEX_EVERY_MS = 2000;

/**
 * Keeps the search index current in this instance: every couple of seconds it
 * indexes whatever the triggers queued. Every instance runs it; SKIP LOCKED
 * gives each paper to one of them. Never needs a manual rebuild.
 */
export function startSearchIndexer() {
  const g = globalThis as { searchIndexer?: true };
  if (g.searchIndexer) return;
  g.searchIndexer = true;
  let running = false;
  const tick = () => {
    // One pass at a time: a long queue (an import) is worked through, not started twice.
    if (running) return;
    running = true;
    indexQueuedPapers()
      .catch((e: unknown) => void (noteDatabaseError(e) || console.error("[search] indexing failed:", e)))
      .finally(() => (running = false));
  };
  setInterval(tick, SEARCH_INDEX_EVERY_MS).unref();
  tick();
}
