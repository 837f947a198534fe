import "server-only";
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { noteDatabaseError } from "@/lib/db-outage";
import {
  listenForReaderPagesChanges,
  purgeReaderPagesChanges,
  recentReaderPagesChanges,
  recordReaderPagesChange,
} from "@/lib/data/reader-pages-changes";
import { env } from "@/lib/env";
import { MAX_CHANGES_PER_REQUEST, readerPagesChangeSchema, type ReaderPagesChange } from "@/lib/validations/reader-pages-change";

// Several instances share one database, but each keeps its own copies of
// reader pages (Next's page cache, the server's page copy). A change made in
// one instance is written to the database and announced (LISTEN/NOTIFY); every
// instance reads the changes of the last minute when one is announced, and
// twice a second besides (a notice can be missed while a connection is down),
// and drops its copies of the pages the others' changes show in. Dropping
// needs a request (Next's revalidation runs in one), so the instance sends
// itself one, to /api/internal/reader-pages, with a token only this process
// knows.

export const INTERNAL_PATH = "/api/internal/reader-pages";
const READ_EVERY_MS = 500;
const APPLY_TIMEOUT_MS = 10_000;
const WINDOW_SECONDS = 60;
const PURGE_EVERY_MS = 10 * 60 * 1000;
/** Drops every reader page: the layout all of them share, and the catalogue's data. */
const EVERY_READER_PAGE: ReaderPagesChange = { kind: "series" };

type Identity = { instance: string; token: Buffer };
// On globalThis: instrumentation.ts and the route handler are bundled apart, and must agree.
const KEY = Symbol.for("perspectives.instance-identity");
const slot = globalThis as { [KEY]?: Identity };
const identity = (): Identity => (slot[KEY] ??= { instance: randomUUID(), token: randomBytes(32) });

/** The header value that marks a request as this process's own. */
function ownAuthorization() {
  return `Bearer ${identity().token.toString("base64url")}`;
}

/** Whether a request to the internal route came from this very process. */
export function isOwnRequest(authorization: string | null): boolean {
  const expected = Buffer.from(ownAuthorization());
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const report = (e: unknown) =>
  void (noteDatabaseError(e) || console.error("[pages] telling other instances of a change failed:", e));

/** Writes a change down for the other instances (this one has dropped its copies already). */
export function tellOtherInstances(change: ReaderPagesChange) {
  recordReaderPagesChange(identity().instance, change).catch(report);
}

/** Reads the other instances' changes as they are announced, and twice a second, and drops this instance's copies of their pages. */
export function startReaderPagesWatcher() {
  const g = globalThis as { readerPagesWatcher?: true };
  if (g.readerPagesWatcher) return;
  g.readerPagesWatcher = true;
  const { instance } = identity();
  const origin = `http://127.0.0.1:${env().PORT}`;
  let applied = new Set<bigint>();
  let running = false;
  let again = false;
  const read = async () => {
    const rows = await recentReaderPagesChanges(WINDOW_SECONDS);
    const fresh = rows.filter((r) => !applied.has(r.id));
    const changes = fresh
      .filter((r) => r.origin !== instance)
      .map((r) => {
        const parsed = readerPagesChangeSchema.safeParse(r.change);
        // One this version cannot read (written by a newer one, say): every reader page, to be safe.
        return parsed.success ? parsed.data : EVERY_READER_PAGE;
      });
    for (let i = 0; i < changes.length; i += MAX_CHANGES_PER_REQUEST) {
      const res = await fetch(`${origin}${INTERNAL_PATH}`, {
        method: "POST",
        headers: { authorization: ownAuthorization(), "content-type": "application/json" },
        body: JSON.stringify(changes.slice(i, i + MAX_CHANGES_PER_REQUEST)),
        // A request that never ends would stop every later read (one runs at a time).
        signal: AbortSignal.timeout(APPLY_TIMEOUT_MS),
      });
      // Not applied (the server not listening yet, at start): read again next time. A batch at a time: the route takes so many.
      if (!res.ok) throw new Error(`${INTERNAL_PATH} answered ${res.status}`);
    }
    // Only what is still in the window needs remembering.
    applied = new Set(rows.map((r) => r.id));
  };
  const tick = () => {
    // A change announced during a read may have committed after the read's query: read once more.
    if (running) return void (again = true);
    running = true;
    read()
      .catch((e: unknown) => void (noteDatabaseError(e) || isStarting(e) || console.error("[pages] reading changes failed:", e)))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  setInterval(tick, READ_EVERY_MS).unref();
  let listening = true;
  listenForReaderPagesChanges({
    onChange: tick,
    onListening: () => {
      listening = true;
      tick(); // what was announced while the connection was down
    },
    onLost: (e) => {
      // Said once per outage; the polling above goes on meanwhile.
      if (listening && !noteDatabaseError(e))
        console.error("[pages] listening for changes failed; reading them twice a second meanwhile:", e);
      listening = false;
    },
  });
  setInterval(() => void purgeReaderPagesChanges().catch(report), PURGE_EVERY_MS).unref();
}

/** The server not listening yet: the first reads may come before it does. */
function isStarting(e: unknown) {
  return (e as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
}
