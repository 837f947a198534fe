// Usage events kept on disk while the database cannot take them: beyond what
// memory holds during an outage, and whatever is left at shutdown. One file per
// writer, in DATA_DIR/stats-spool/, named after the host, the process and a
// random id (`host.pid.id.jsonl`), so instances sharing a folder never append
// to or read each other's files while they live. One JSON object per line,
// appended and fsync'd a batch at a time, readable by the portal's user only.
//
// A file is left over, and any writer may claim it (rename it to its own
// name, atomically, so exactly one does), when its writer is gone: same host
// and a process that no longer runs (or this very process, restarted with a
// new id as a container's PID 1 is), or, from any host, untouched for
// STALE_AFTER_MS (a living writer touches its files at every retry).
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, stat, utimes, type FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

export type UsageEvent = {
  kind: "view" | "download";
  publicationId: number;
  attachmentId: number | null;
  visitorHash: string;
  /** When it happened, in epoch milliseconds: kept as it was, however late it is written. */
  at: number;
};

export const STALE_AFTER_MS = 2 * 60_000;
const HOST = os.hostname().replace(/[^A-Za-z0-9.-]/g, "-") || "host";
const NAME = /^(.+)\.(\d+)\.([0-9a-f]{12})\.jsonl$/;
// Ids of the files writers of this process hold: never claimed from under them.
const held = new Set<string>();

/** A name for a new file of this process, held until released. */
function newName(): { id: string; name: string } {
  const id = randomBytes(6).toString("hex");
  held.add(id);
  return { id, name: `${HOST}.${process.pid}.${id}.jsonl` };
}

/** Lets other writers claim the file once it is closed and left behind (at shutdown). */
export function releaseSpoolFile(file: string): void {
  const id = NAME.exec(path.basename(file))?.[3];
  if (id) held.delete(id);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The file this writer appends to; created on the first append. */
export class SpoolFile {
  readonly path: string;
  /** Events on disk in it. */
  written = 0;
  private handle: Promise<FileHandle> | null = null;

  constructor(readonly dir: string) {
    this.path = path.join(dir, newName().name);
  }

  private async open(): Promise<FileHandle> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const handle = await open(this.path, "a", 0o600);
    // The new name itself must survive a crash too.
    const folder = await open(this.dir, "r");
    await folder.sync().finally(() => folder.close());
    return handle;
  }

  /** Appends the events and returns once they are on disk. */
  async append(events: readonly UsageEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.handle ??= this.open();
    const handle = await this.handle.catch((e: unknown) => {
      this.handle = null;
      throw e;
    });
    await handle.appendFile(events.map((e) => `${JSON.stringify(e)}\n`).join(""));
    await handle.datasync();
    this.written += events.length;
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (handle) await (await handle).close();
  }
}

function parse(line: string): UsageEvent | null {
  try {
    const e = JSON.parse(line) as Partial<UsageEvent>;
    const id = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
    const ok =
      (e.kind === "view" || e.kind === "download") &&
      id(e.publicationId) &&
      (e.attachmentId === null || id(e.attachmentId)) &&
      // Hex, as visitorHash() makes it: the statement sends each column as one comma-separated string.
      typeof e.visitorHash === "string" &&
      /^[0-9a-f]{1,128}$/.test(e.visitorHash) &&
      Number.isFinite(e.at);
    return ok
      ? { kind: e.kind!, publicationId: e.publicationId!, attachmentId: e.attachmentId!, visitorHash: e.visitorHash!, at: e.at! }
      : null;
  } catch {
    // A line cut short by a crash mid-append.
    return null;
  }
}

/** The file's events, `size` at a time; `tally` sees each event read. Unreadable lines are skipped and counted in `skipped`. */
export async function* readSpool(file: string, size: number, tally: { skipped: number }): AsyncGenerator<UsageEvent[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let chunk: UsageEvent[] = [];
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const event = parse(line);
    if (!event) {
      tally.skipped++;
      continue;
    }
    chunk.push(event);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Marks the files as alive (their writer is retrying), so no other writer takes them for left over. */
export async function touchSpoolFiles(files: readonly string[]): Promise<void> {
  const now = new Date();
  await Promise.all(files.map((f) => utimes(f, now, now).catch(() => undefined)));
}

async function isLeftOver(dir: string, name: string, now: number): Promise<boolean> {
  const parts = NAME.exec(name);
  if (!parts) return false;
  const [, host, pid, id] = parts;
  if (held.has(id!)) return false;
  if (host === HOST && (Number(pid) === process.pid || !isRunning(Number(pid)))) return true;
  const { mtimeMs } = await stat(path.join(dir, name));
  return now - mtimeMs > STALE_AFTER_MS;
}

/**
 * Takes the spool files left over in `dir` (see above) and returns them,
 * renamed to names this process holds. Never throws: a folder that cannot be
 * read yields nothing, and says so.
 */
export async function claimLeftOverSpools(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") console.error(`[stats] cannot read ${dir}: ${(e as Error).message}`);
    return [];
  }
  const claimed: string[] = [];
  for (const name of names) {
    const target = newName();
    try {
      if (!(await isLeftOver(dir, name, now))) {
        held.delete(target.id);
        continue;
      }
      const from = path.join(dir, name);
      // Fresh first, so no other writer takes it for left over under its new name.
      await touchSpoolFiles([from]);
      await rename(from, path.join(dir, target.name));
      claimed.push(path.join(dir, target.name));
    } catch (e) {
      held.delete(target.id);
      // ENOENT: another writer claimed it first.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") console.error(`[stats] cannot claim ${name}: ${(e as Error).message}`);
    }
  }
  return claimed;
}
