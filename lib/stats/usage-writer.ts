// Writes usage events to the database a batch at a time, and loses none when
// it cannot: while the database is unreachable, events are kept (in memory up
// to a bound, beyond it in a spool file, lib/stats/usage-spool.ts) and written,
// oldest first, when it is back; whatever is still kept at shutdown goes to the
// spool, which the next start writes. Events keep the time they happened
// (`at`); the fold judges them by it however late they arrive (lib/data/usage-fold.ts).
import { rename, unlink } from "node:fs/promises";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { onDatabaseReachable } from "@/lib/db-outage";
import { claimLeftOverSpools, readSpool, releaseSpoolFile, SpoolFile, touchSpoolFiles, type UsageEvent } from "./usage-spool";

/** Events kept in memory during an outage (about 200 bytes each: 40 MB at most); the rest go to the spool file. */
export const MAX_KEPT_IN_MEMORY = 200_000;
const WRITE_CHUNK = 10_000;
// Backoff between attempts while the database is away: 0.25 s, 0.5 s, 1 s, … at most 5 s.
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;
// Spool files left by writers that are gone (another host's, after a crash) are looked for this often.
const CLAIM_EVERY_MS = 60_000;
// At shutdown, how long a database that does not answer may hold the process.
const CLOSE_WAIT_MS = 5_000;

export type UsageWriterOptions = {
  /** Writes events in one statement. */
  insert: (events: readonly UsageEvent[]) => Promise<void>;
  /** Writes a spool file's events all or none (one transaction). */
  insertAll: (chunks: AsyncIterable<readonly UsageEvent[]>) => Promise<void>;
  spoolDir: string;
  maxInMemory?: number;
  /** A batch goes out this long after its first event, or when it has `flushAt` events. */
  flushAfterMs?: number;
  flushAt?: number;
};

export type UsageWriter = {
  /** Resolves when the event is buffered, or, when it fills the buffer, written or kept. Never rejects. */
  add(event: UsageEvent): Promise<void>;
  /** Writes what waits (or keeps it, in an outage); resolves when that is done. Never rejects. */
  flush(): Promise<void>;
  /** Writes the spool files previous runs left (now, and every minute for those of writers gone since). */
  recover(): Promise<void>;
  /** At shutdown: writes what can be written, puts the rest in the spool file. */
  close(): Promise<void>;
  /** What waits for the database. */
  kept(): { inMemory: number; files: string[] };
};

type Tally = { views: number; downloads: number };

const number = new Intl.NumberFormat("en-US");
const tallyOf = (events: readonly UsageEvent[], into: Tally = { views: 0, downloads: 0 }) => {
  for (const e of events) into[e.kind === "view" ? "views" : "downloads"]++;
  return into;
};
const describe = ({ views, downloads }: Tally) =>
  [
    views || !downloads ? `${number.format(views)} view${views === 1 ? "" : "s"}` : "",
    downloads ? `${number.format(downloads)} download${downloads === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(" and ");

async function* counted(chunks: AsyncIterable<UsageEvent[]>, tally: Tally) {
  for await (const chunk of chunks) {
    tallyOf(chunk, tally);
    yield chunk;
  }
}

/** The promise's value, or `late` if it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(late), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// One settled promise for every event that only joins the buffer.
const QUEUED = Promise.resolve();

export function createUsageWriter(options: UsageWriterOptions): UsageWriter {
  const { insert, insertAll, spoolDir, maxInMemory = MAX_KEPT_IN_MEMORY, flushAfterMs = 200, flushAt = 500 } = options;
  let pending: UsageEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  // Batches flushed while a write is under way wait here and go out together, up to WRITE_CHUNK a
  // statement: a write that takes longer than a batch takes to fill (a busy database) leaves one
  // statement behind it, not a queue of 500-event statements each waiting for the one before.
  const waiting: UsageEvent[] = [];
  let writing = false;
  // Every write and every spool operation, one after the other.
  let chain: Promise<void> = Promise.resolve();
  let inFlight: readonly UsageEvent[] | null = null;
  // Kept for the database, oldest first; past the bound, in `spool` (appended to now) and `files` (closed, ours to write).
  const kept: UsageEvent[] = [];
  let spool: SpoolFile | null = null;
  const files: string[] = [];
  // From the first event kept to the last written: one log line at each end, not one per batch.
  let cycle: { since: number; cause: "outage" | "previous run"; unreachable: boolean; spilled: boolean; written: Tally } | null =
    null;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;
  let claiming: NodeJS.Timeout | undefined;
  let closed = false;

  const run = (task: () => Promise<void>) =>
    (chain = chain.then(task).catch((e: unknown) => console.error("[stats] writing usage events failed:", e)));

  function begin(cause: "outage" | "previous run") {
    cycle ??= { since: Date.now(), cause, unreachable: false, spilled: false, written: { views: 0, downloads: 0 } };
    return cycle;
  }

  function unreachable(reason: unknown) {
    const cycle = begin("outage");
    if (cycle.unreachable) return;
    cycle.unreachable = true;
    const onDisk = (spool?.written ? 1 : 0) + files.length;
    console.error(
      `[stats] database unreachable, ${describe(tallyOf(kept))} kept${onDisk ? ` (and ${onDisk} spool file${onDisk === 1 ? "" : "s"})` : ""}; writing them when it is back` +
        (reason instanceof Error ? ` (${reason.message.trim().split("\n").pop()})` : ""),
    );
  }

  function scheduleRetry(delay = Math.min(RETRY_FIRST_MS * 2 ** attempt++, RETRY_MAX_MS)) {
    if (closed) return;
    clearTimeout(retry);
    retry = setTimeout(() => void run(drain), delay);
    retry.unref();
  }
  // The data layer saw the database answer again: no need to wait out the backoff.
  const stopListening = onDatabaseReachable(() => {
    if (cycle) scheduleRetry(0);
  });

  async function spill(events: readonly UsageEvent[]) {
    if (events.length === 0) return;
    spool ??= new SpoolFile(spoolDir);
    try {
      await spool.append(events);
    } catch (e) {
      console.error(`[stats] ${describe(tallyOf(events))} could not be kept in ${spool.path}: ${(e as Error).message}`);
    }
  }

  async function keep(events: readonly UsageEvent[]) {
    const room = closed ? 0 : Math.max(0, maxInMemory - kept.length);
    const n = Math.min(room, events.length);
    for (let i = 0; i < n; i++) kept.push(events[i]!);
    if (n === events.length) return;
    if (cycle && !cycle.spilled) {
      cycle.spilled = true;
      spool ??= new SpoolFile(spoolDir);
      console.error(`[stats] ${number.format(maxInMemory)} usage events kept in memory; the rest go to ${spool.path}`);
    }
    await spill(events.slice(n));
  }

  async function deliver(batch: readonly UsageEvent[]) {
    // While anything is kept, new events wait behind it: the database is not asked twice.
    if (cycle || closed) return keep(batch);
    inFlight = batch;
    try {
      await insert(batch);
    } catch (e) {
      if (!isDatabaseUnavailable(e)) {
        // A defect, not an outage: said, and not retried for ever.
        console.error(`[stats] ${batch.length} usage events could not be written:`, e);
        return;
      }
      if (closed) return;
      begin("outage");
      await keep(batch);
      unreachable(e);
      scheduleRetry();
    } finally {
      inFlight = null;
    }
  }

  /** Writes what is kept: memory first, then the spool files, each file in one transaction. */
  async function drain() {
    if (closed || !cycle) return;
    await touchSpoolFiles([...(spool?.written ? [spool.path] : []), ...files]);
    while (!closed) {
      try {
        if (kept.length > 0) {
          const chunk = kept.slice(0, WRITE_CHUNK);
          await insert(chunk);
          kept.splice(0, chunk.length);
          tallyOf(chunk, cycle.written);
          continue;
        }
        if (spool) {
          const sealed = spool;
          spool = null;
          await sealed.close();
          if (sealed.written > 0) files.push(sealed.path);
        }
        const file = files[0];
        if (!file) break;
        const read = { skipped: 0 };
        const tally: Tally = { views: 0, downloads: 0 };
        await insertAll(counted(readSpool(file, WRITE_CHUNK, read), tally));
        files.shift();
        await unlink(file).catch((e: unknown) =>
          console.error(`[stats] cannot remove ${file}, already written: ${(e as Error).message}`),
        );
        releaseSpoolFile(file);
        cycle.written.views += tally.views;
        cycle.written.downloads += tally.downloads;
        if (read.skipped) console.error(`[stats] ${read.skipped} unreadable lines skipped in ${file}`);
      } catch (e) {
        if (isDatabaseUnavailable(e)) {
          unreachable(e);
          scheduleRetry();
          return;
        }
        await setAside(e);
      }
    }
    if (closed) return;
    const { since, cause, written } = cycle;
    cycle = null;
    attempt = 0;
    const seconds = ((Date.now() - since) / 1000).toFixed(1);
    const plural = (n: number, noun: string) => `${number.format(n)} kept ${noun}${n === 1 ? "" : "s"}`;
    const what = `${plural(written.views, "view")}${written.downloads ? ` and ${plural(written.downloads, "download")}` : ""}`;
    console.log(`[stats] written ${what} after ${seconds} s${cause === "previous run" ? " (kept by a previous run)" : ""}`);
  }

  /** Kept events the database refuses for another reason than being away: said and put aside, not retried for ever. */
  async function setAside(error: unknown) {
    if (kept.length > 0) {
      const dropped = kept.splice(0, WRITE_CHUNK);
      console.error(`[stats] ${dropped.length} kept usage events could not be written:`, error);
      return;
    }
    const file = files.shift();
    if (!file) throw error;
    const aside = `${file}.failed`;
    await rename(file, aside).catch(() => undefined);
    releaseSpoolFile(file);
    console.error(`[stats] ${file} could not be written; left as ${aside}:`, error);
  }

  async function recover(): Promise<void> {
    if (closed) return;
    if (!claiming) {
      claiming = setInterval(() => void recover(), CLAIM_EVERY_MS);
      claiming.unref();
    }
    const claimed = await claimLeftOverSpools(spoolDir);
    if (claimed.length === 0) return;
    console.log(`[stats] writing the usage events kept by a previous run (${claimed.join(", ")})`);
    await run(async () => {
      files.push(...claimed);
      begin("previous run");
      await drain();
    });
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return chain;
    for (const e of pending) waiting.push(e);
    pending = [];
    // A write under way takes these too before it ends: its promise (chain) is the answer.
    if (writing) return chain;
    writing = true;
    return run(async () => {
      try {
        while (waiting.length > 0) await deliver(waiting.splice(0, WRITE_CHUNK));
      } finally {
        writing = false;
      }
    });
  }

  return {
    add(event) {
      pending.push(event);
      if (pending.length >= flushAt) return flush();
      timer ??= setTimeout(() => void flush(), flushAfterMs);
      return QUEUED;
    },

    flush,

    recover,

    async close() {
      if (closed) return;
      clearTimeout(timer);
      timer = undefined;
      const batch = pending;
      pending = [];
      // What is under way ends first, unless the database hangs.
      const settled = await within(
        chain.then(() => true),
        CLOSE_WAIT_MS,
        false,
      );
      closed = true;
      clearTimeout(retry);
      clearInterval(claiming);
      stopListening();
      // Events of a write that never answered are kept too: written twice at worst, and then counted once (lib/data/usage-fold.ts).
      const left: UsageEvent[] = settled ? [] : [...(inFlight ?? [])];
      // Taken from the write under way, which finds nothing more to take if it ever ends.
      for (const e of waiting.splice(0)) left.push(e);
      for (const e of kept) left.push(e);
      kept.length = 0;
      let done = false;
      if (!cycle && settled && batch.length > 0) {
        const attempt = insert(batch).then(
          () => true,
          (e: unknown) => {
            if (isDatabaseUnavailable(e)) return false;
            console.error(`[stats] ${batch.length} usage events could not be written:`, e);
            return true;
          },
        );
        done = await within(attempt, CLOSE_WAIT_MS, false);
      }
      if (!done) for (const e of batch) left.push(e);
      await spill(left);
      const own = spool;
      await own?.close().catch(() => undefined);
      const onDisk = [...(own?.written ? [own.path] : []), ...files];
      for (const file of onDisk) releaseSpoolFile(file);
      if (onDisk.length > 0) {
        const earlier = files.length ? ` (after ${files.length} earlier spool file${files.length === 1 ? "" : "s"})` : "";
        console.error(`[stats] kept for the next start: ${describe(tallyOf(left))}${earlier}, in ${onDisk.join(", ")}`);
      }
    },

    kept: () => ({ inMemory: kept.length, files: [...(spool?.written ? [spool.path] : []), ...files] }),
  };
}
