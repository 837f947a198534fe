import "server-only";
import { db } from "@/lib/db";
import type { ReaderPagesChange } from "@/lib/validations/reader-pages-change";

/** How long a change is kept: far longer than any instance takes to read it. */
const KEEP_HOURS = 1;

/** Writes a change down for the other instances. */
export async function recordReaderPagesChange(origin: string, change: ReaderPagesChange): Promise<void> {
  await db.readerPagesChange.create({ data: { origin, change } });
}

export type RecordedChange = { id: bigint; origin: string; change: unknown };

/**
 * Changes written in the last `seconds` (by the database's clock). A window
 * rather than "after the last id seen": ids are taken when a row is written but
 * become visible when it commits, so a later id can be seen before an earlier one.
 */
export function recentReaderPagesChanges(seconds: number): Promise<RecordedChange[]> {
  return db.$queryRaw<RecordedChange[]>`
    SELECT id, origin, change FROM "ReaderPagesChange"
    WHERE at > now() - make_interval(secs => ${seconds}::float8) ORDER BY id`;
}

/** Drops changes every instance has long read. */
export async function purgeReaderPagesChanges(): Promise<void> {
  await db.$executeRaw`DELETE FROM "ReaderPagesChange" WHERE at < now() - make_interval(hours => ${KEEP_HOURS}::int)`;
}
