import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchDb } from "@/lib/db";
import { SYLLABLE_TOKENS_SINCE } from "@/lib/search/document";
import type { SyllableMatch } from "@/lib/search/query";

/**
 * How long an instance goes by its last look. The answer changes once, when
 * the last paper queued by a new tokenizer's migration is indexed again (or
 * back, if an instance still running the old code writes a document), and
 * either answer finds the same papers meanwhile: only the cost differs.
 */
const LOOK_EVERY_MS = 10_000;

/** Whether any search document was written by a tokenizer without one-syllable tokens (before SYLLABLE_TOKENS_SINCE). */
export async function olderDocumentsLeft(): Promise<boolean> {
  // The version as a literal, so that the partial index of older documents
  // (migration 20261206090000) answers whatever plan the statement gets. On
  // the searches' connections: a lock on the table (a rebuild's swap) stops it
  // at their time limit, as it does the search, instead of holding the page.
  const [row] = await searchDb.$queryRaw<{ left: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "SearchDocument" WHERE tokenizer < ${Prisma.raw(String(SYLLABLE_TOKENS_SINCE))}) AS left`;
  return row?.left === true;
}

// A cache of what the database says, shared by this instance's searches: one
// look every LOOK_EVERY_MS instead of one a search.
let last: { at: number; match: Promise<SyllableMatch> } | null = null;

/** How searches ask for a one-syllable word (query.ts: SyllableMatch): as a token once no older document is left. */
export function syllableMatch(): Promise<SyllableMatch> {
  const now = Date.now();
  if (!last || now - last.at >= LOOK_EVERY_MS) {
    const match = olderDocumentsLeft().then((left): SyllableMatch => (left ? "prefix" : "token"));
    const look = { at: now, match };
    last = look;
    // A failed look is not kept: the next search looks again.
    match.catch(() => {
      if (last === look) last = null;
    });
  }
  return last.match;
}
