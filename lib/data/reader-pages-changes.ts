import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ReaderPagesChange } from "@/lib/validations/reader-pages-change";

/** How long a change is kept: far longer than any instance takes to read it. */
const KEEP_HOURS = 1;
/** The PostgreSQL channel a written change is announced on. */
const CHANNEL = "reader_pages_changes";
/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 5_000;

/**
 * Writes a change down for the other instances, and announces it on CHANNEL in
 * the same statement, so listening instances read it at once instead of at
 * their next poll (PostgreSQL sends the notice when the row commits).
 */
export async function recordReaderPagesChange(origin: string, change: ReaderPagesChange): Promise<void> {
  await db.$queryRaw`
    WITH written AS (
      INSERT INTO "ReaderPagesChange" (origin, change) VALUES (${origin}, ${JSON.stringify(change)}::jsonb) RETURNING id
    )
    SELECT pg_notify(${CHANNEL}, id::text)::text FROM written`;
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

type Listener = {
  /** Some instance wrote a change. */
  onChange: () => void;
  /** The connection listens (again). */
  onListening: () => void;
  /** The connection failed or was lost; it is opened again after a pause. */
  onLost: (e: unknown) => void;
};

/**
 * Tells `onChange` whenever any instance writes a change, on a connection of
 * its own (LISTEN holds one). While the connection is down, the caller's
 * polling still finds every change, a little later. Returns a function that
 * stops listening.
 */
export function listenForReaderPagesChanges(
  { onChange, onListening, onLost }: Listener,
  { reconnectMs = RECONNECT_MS } = {},
): () => void {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  /** Lets the current connection go, hearing nothing more from it. */
  const close = () => {
    const c = client;
    client = undefined;
    c?.removeAllListeners();
    c?.on("error", () => {}); // a late error from the dead connection must not end the process
    void c?.end().catch(() => {});
  };
  const lost = (e: unknown) => {
    if (stopped) return;
    onLost(e);
    close();
    retry = setTimeout(connect, reconnectMs).unref();
  };
  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: env().DATABASE_URL });
    client = c;
    c.on("notification", (n) => void (n.channel === CHANNEL && onChange()));
    c.on("error", lost);
    c.on("end", () => client === c && lost(new Error("the listening connection closed")));
    c.connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => client === c && onListening())
      .catch((e: unknown) => client === c && lost(e));
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    close();
  };
}
