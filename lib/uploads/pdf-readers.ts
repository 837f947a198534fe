import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { PDF_READ_CONCURRENCY } from "./pdf-queue";

/** What one file may cost its reader: seconds, and memory beyond twice the file's size. */
export type PdfReadLimits = { seconds: number; memoryMb: number };

export type ReaderJob = ({ bytes: Uint8Array } | { path: string }) & {
  byteSize: number;
  maxTextBytes: number;
  maxTextPages: number;
};

export type ReaderAnswer = { ok: true; pageCount: number; text: string } | { ok: false; reason: "encrypted" | "corrupt" };

// Loaded from disk at run time (the server runs from the project folder), outside the app bundle.
const WORKER_FILE = path.join(process.cwd(), "lib", "uploads", "pdf-worker.mjs");
const MiB = 1024 * 1024;
// Address space Node reserves and never fills (code range, heap cages, thread stacks): measured ~0.8 GB on x64.
const RESERVED_ADDRESS_SPACE_MB = 1024;
const WATCH_EVERY_MS = 25;
/** A reader is sized for files up to this (its address-space limit); a larger file gets a reader sized for it. */
const USUAL_FILE_MB = 64;
/** Files one reader takes before it is replaced: whatever pdf.js keeps between files cannot pile up. */
const FILES_PER_READER = 200;
/** An idle reader goes after this, so a server that reads a PDF now and then holds no process for it. */
const IDLE_MS = 10_000;

type Reader = {
  child: ChildProcess;
  limits: PdfReadLimits;
  /** The largest file (MB) its address-space limit allows. */
  fileMb: number;
  files: number;
  closed: Promise<void>;
  idleTimer?: NodeJS.Timeout;
};

const idle: Reader[] = [];
let live = 0;
let nextJobId = 1;

/** util-linux's prlimit, which sets the child's address-space limit before Node starts; null where it is missing. */
const prlimit =
  ["/usr/bin/prlimit", "/bin/prlimit", "/usr/local/bin/prlimit"].find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }) ?? null;

/** A process's resident memory in MB from /proc (Linux); null elsewhere or once it is gone. */
function residentMb(pid: number): number | null {
  try {
    // A few hundred bytes from procfs: reading it synchronously costs microseconds.
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** The child parses hostile files: its answer is checked, not trusted. */
function isAnswer(message: unknown, id: number): message is ReaderAnswer {
  if (typeof message !== "object" || message === null || !("ok" in message)) return false;
  const m = message as Record<string, unknown>;
  if (m.id !== id) return false;
  if (m.ok === true) return typeof m.pageCount === "number" && typeof m.text === "string";
  return m.ok === false && (m.reason === "encrypted" || m.reason === "corrupt");
}

const budgetMb = (limits: PdfReadLimits, byteSize: number) => limits.memoryMb + Math.ceil((2 * byteSize) / MiB);

function start(limits: PdfReadLimits, fileMb: number): Reader {
  const node = [
    process.execPath,
    `--max-old-space-size=${limits.memoryMb}`,
    // WebAssembly (pdf.js has some) otherwise reserves ~10 GB of address space per memory and fails under the limit.
    "--disable-wasm-trap-handler",
    // Young garbage collected often and on this thread: ~30 MB less per reader, no slower (two readers share two cores).
    "--max-semi-space-size=1",
    "--single-threaded-gc",
    WORKER_FILE,
  ];
  const addressSpace = (limits.memoryMb + 2 * fileMb + RESERVED_ADDRESS_SPACE_MB) * MiB;
  const [command, ...args] = prlimit ? [prlimit, `--as=${addressSpace}`, "--", ...node] : node;
  const child = spawn(command!, args, {
    // Nothing from the server's environment (database URL, secrets) is the parser's business.
    env: { NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  live++;
  const closed = new Promise<void>((done) => child.once("close", () => done())).finally(() => live--);
  // Started but refused (no such program): "close" follows and ends it.
  child.on("error", () => undefined);
  return { child, limits, fileMb, files: 0, closed };
}

const alive = (r: Reader) => r.child.exitCode === null && r.child.signalCode === null && r.child.connected;

async function stop(reader: Reader): Promise<void> {
  clearTimeout(reader.idleTimer);
  if (alive(reader)) reader.child.kill("SIGKILL");
  // The next reader starts once this process is gone, not merely told to go.
  if (reader.child.pid !== undefined) await reader.closed;
}

/** An idle reader fit for the job, or a new one; never more than PDF_READ_CONCURRENCY processes. */
async function take(limits: PdfReadLimits, byteSize: number): Promise<Reader> {
  const fileMb = Math.ceil(byteSize / MiB);
  const fit = idle.findIndex((r) => alive(r) && r.fileMb >= fileMb && r.limits.memoryMb === limits.memoryMb);
  if (fit >= 0) {
    const [reader] = idle.splice(fit, 1);
    clearTimeout(reader!.idleTimer);
    reader!.child.ref();
    reader!.child.channel?.ref();
    return reader!;
  }
  // Readers for other limits (or gone) make room for this one.
  while (idle.length > 0 && live >= PDF_READ_CONCURRENCY) await stop(idle.shift()!);
  return start(limits, Math.max(USUAL_FILE_MB, fileMb));
}

/** Back to the idle readers, or stopped when it has done its share or holds memory a next file should not inherit. */
function giveBack(reader: Reader, afterFileMb: number | null): void {
  const swollen = afterFileMb === null || afterFileMb > reader.limits.memoryMb / 2;
  if (!alive(reader) || reader.files >= FILES_PER_READER || swollen || idle.length >= PDF_READ_CONCURRENCY) {
    void stop(reader);
    return;
  }
  // An idle reader keeps no program (a CLI, a test) running.
  reader.child.unref();
  reader.child.channel?.unref();
  reader.idleTimer = setTimeout(() => {
    const at = idle.indexOf(reader);
    if (at >= 0) idle.splice(at, 1);
    void stop(reader);
  }, IDLE_MS);
  reader.idleTimer.unref();
  idle.push(reader);
}

/**
 * Reads one PDF in a reader process, so that neither pdf.js's heap nor the
 * buffers it inflates (a small compressed stream can expand to gigabytes)
 * live in the server. Three limits, each ending that process with
 * "tooComplex": its resident memory, watched from here against the file's
 * budget; a hard address-space limit (prlimit) for an allocation faster than
 * the watch; and the time limit. Callers bound how many run at once
 * (pdf-queue.ts).
 */
export async function readInReader(job: ReaderJob, limits: PdfReadLimits): Promise<ReaderAnswer | "tooComplex"> {
  const reader = await take(limits, job.byteSize);
  const { child } = reader;
  const id = nextJobId++;
  const budget = budgetMb(limits, job.byteSize);
  let timer: NodeJS.Timeout | undefined;
  let watch: NodeJS.Timeout | undefined;
  let onMessage: ((message: unknown) => void) | undefined;
  let onClose: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  let healthy = false;
  try {
    const answer = await new Promise<ReaderAnswer | "tooComplex">((resolve) => {
      timer = setTimeout(() => resolve("tooComplex"), limits.seconds * 1000);
      watch = setInterval(() => {
        const used = child.pid === undefined ? null : residentMb(child.pid);
        if (used !== null && used > budget) resolve("tooComplex");
      }, WATCH_EVERY_MS);
      onMessage = (message: unknown) => {
        if (typeof message === "object" && message !== null && (message as { id?: unknown }).id !== id) return;
        healthy = isAnswer(message, id);
        resolve(healthy ? (message as ReaderAnswer) : { ok: false, reason: "corrupt" });
      };
      // Ended without an answer: killed (V8's abort, a failed allocation under the limit) means too
      // complex; a plain exit means pdf.js gave up on the file.
      onClose = (_code, signal) => resolve(signal ? "tooComplex" : { ok: false, reason: "corrupt" });
      child.on("message", onMessage);
      child.once("close", onClose);
      const { byteSize: _size, ...message } = job;
      // A reader that died at once cannot take the job; its "close" above says why.
      child.send({ ...message, id }, () => undefined);
    });
    reader.files++;
    return answer;
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
    if (onMessage) child.off("message", onMessage);
    if (onClose) child.off("close", onClose);
    if (healthy) giveBack(reader, child.pid === undefined ? null : residentMb(child.pid));
    else await stop(reader);
  }
}
