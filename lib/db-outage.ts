// Whether this process currently finds its database unreachable: set by the
// data layer the moment a connection fails (lib/db-watch.ts), cleared when one
// succeeds again. The HTTP server (server/database-outage.ts) reads it to turn
// a page's 500 into "503, try again"; the view counter waits for its end. The
// app bundle and the server are bundled apart, so the state lives on
// globalThis under a Symbol.for key (as lib/edge/bridge.ts does). No
// database access here.
import { describeDatabaseError, isDatabaseUnavailable } from "./db-errors";
import { hasPortalServer } from "./edge/bridge";

/** Retry-After of a 503 for a passing outage (the database, the storage backend): "try again in a minute". */
export const RETRY_AFTER_SECONDS = 60;
const PROBE_EVERY_MS = 1000;
// A request that failed just before the database came back may log its error just after.
const ECHO_MS = 5000;

type State = {
  outage: { since: number; unlogged: number; number: number } | null;
  /** How many outages this process has seen begin: the mark of reachabilityMark(). */
  begun: number;
  endedAt?: number;
  probe?: () => Promise<unknown>;
  probing?: NodeJS.Timeout;
  listeners: Set<() => void>;
};

const KEY = Symbol.for("perspectives.databaseOutage");
const slot = globalThis as { [KEY]?: State };
const state = (): State => (slot[KEY] ??= { outage: null, begun: 0, listeners: new Set() });

/** Whether an outage ended within the last ECHO_MS. */
const justEnded = (s: State, now = Date.now()) => s.endedAt !== undefined && now - s.endedAt < ECHO_MS;

/** Since when (epoch ms) the database has been unreachable, or null while it answers. */
export function databaseUnavailableSince(): number | null {
  return state().outage?.since ?? null;
}

/**
 * Notes a failure. Returns whether it was the database being unreachable; the
 * first such failure of an outage is logged (one line). `unlogged`: the caller
 * drops its own log line for it (counted, and said at the end of the outage).
 * `mark`: reachabilityMark() from before the failed ask, when there was one (a
 * connection being opened). An ask begun during an outage that has ended since
 * is older news than the answer that ended it: a connection begun while the
 * database was still starting up is refused ("starting up") after another one
 * has got through, and would otherwise open a second outage for the same one.
 */
export function noteDatabaseError(
  error: unknown,
  { unlogged = false, mark }: { unlogged?: boolean; mark?: ReachabilityMark } = {},
): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const s = state();
  if (s.outage) {
    if (unlogged) s.outage.unlogged++;
    return true;
  }
  if (mark?.duringOutage) return true;
  // Without a mark (a request's failure the server logs, a job's own catch, a cut connection's
  // event), a failure just after an outage ended is taken for its echo: the same refusal reaches
  // the job that asked after its connection has noted it with the mark that set it aside. A new
  // outage in those seconds is still noticed by the next connection, which asks with a mark.
  if (!mark && justEnded(s)) return true;
  s.outage = { since: Date.now(), unlogged: 0, number: ++s.begun };
  // Pages are answered 503 meanwhile only by the portal's server (server/database-outage.ts), not in a script.
  const meanwhile = hasPortalServer() ? "; answering 503 until it is back" : "";
  console.error(`[db] database unreachable: ${describeDatabaseError(error)}${meanwhile}`);
  if (s.probe) {
    // Nothing else may ask the database soon (every page cached): look for its return.
    const probe = s.probe;
    s.probing = setInterval(() => {
      const mark = reachabilityMark();
      void probe().then(
        () => noteDatabaseReachable(mark),
        () => undefined,
      );
    }, PROBE_EVERY_MS);
    s.probing.unref();
  }
  return true;
}

/** Where the outages stood when an ask began: how many had begun, and whether one was under way. */
export type ReachabilityMark = { begun: number; duringOutage: boolean };

/**
 * Taken before asking the database (opening a connection), and given to
 * noteDatabaseReachable or noteDatabaseError with its answer. A stopping
 * server may finish a connection begun just before it went away after it has
 * already cut the others: that answer is older than the outage and does not
 * end it (it would end it for a moment and log the same outage twice).
 */
export function reachabilityMark(): ReachabilityMark {
  const s = state();
  return { begun: s.begun, duringOutage: s.outage !== null };
}

/**
 * Notes that the database answered; ends an outage, if there was one, with one
 * line. `mark`: reachabilityMark() from before the ask; an answer to an ask
 * made before the outage began does not end it.
 */
export function noteDatabaseReachable(mark: ReachabilityMark): void {
  const s = state();
  if (!s.outage || mark.begun < s.outage.number) return;
  const { since, unlogged } = s.outage;
  s.outage = null;
  s.endedAt = Date.now();
  clearInterval(s.probing);
  const seconds = ((Date.now() - since) / 1000).toFixed(1);
  console.log(
    `[db] database reachable again after ${seconds} s${unlogged ? ` (${unlogged} more such error${unlogged === 1 ? "" : "s"} not logged)` : ""}`,
  );
  for (const listener of s.listeners) listener();
}

/**
 * Whether a 500 now may be the database's doing: during an outage, and for a
 * few seconds after it, while a request that failed on the database before it
 * came back is still being answered.
 */
export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const s = state();
  return s.outage !== null || justEnded(s, now);
}

/** How to ask the database whether it is back (a trivial query); set by the data layer. */
export function setDatabaseProbe(probe: () => Promise<unknown>): void {
  state().probe = probe;
}

/** Calls `listener` whenever an outage ends. Returns a function that stops it. */
export function onDatabaseReachable(listener: () => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}
