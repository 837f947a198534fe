import { spawn } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { UploadError } from "./errors";
import { inReadQueue } from "./pdf-queue";

/** Text kept for search: enough for any policy paper, bounded for a pathological one. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Pages read for that text: a longer file is accepted, its search text is its first pages'. */
export const MAX_TEXT_PAGES = 2000;

export type PdfFacts = { pageCount: number; text: string };

/**
 * What reading a PDF may cost: `memoryMb` is the reading process's whole
 * memory (Node and pdf.js take about 65 MB of it) beyond twice the file's
 * size. A file that needs more is refused, and the server does not feel it.
 */
export const PDF_READ_LIMITS = { seconds: 30, memoryMb: 384 };

type WorkerResult = { ok: true; pageCount: number; text: string } | { ok: false; reason: "encrypted" | "corrupt" };
type Source = { bytes: Uint8Array; byteSize: number } | { path: string; byteSize: number };

// Loaded from disk at run time (the server runs from the project folder), outside the app bundle.
const WORKER_FILE = path.join(process.cwd(), "lib", "uploads", "pdf-worker.mjs");
const MiB = 1024 * 1024;
// Address space Node reserves and never fills (code range, heap cages, thread stacks): measured ~0.8 GB on x64.
const RESERVED_ADDRESS_SPACE_MB = 1024;
const WATCH_EVERY_MS = 25;

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

/** The child's resident memory in MB from /proc (Linux); null elsewhere or once it is gone. */
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
function isWorkerResult(message: unknown): message is WorkerResult {
  if (typeof message !== "object" || message === null || !("ok" in message)) return false;
  const m = message as Record<string, unknown>;
  if (m.ok === true) return typeof m.pageCount === "number" && typeof m.text === "string";
  return m.ok === false && (m.reason === "encrypted" || m.reason === "corrupt");
}

/**
 * Reads the PDF in a child process, so that neither pdf.js's heap nor the
 * buffers it inflates (a small compressed stream can expand to gigabytes)
 * live in the server. Three limits, each ending the child with "tooComplex":
 * its resident memory, watched from here; a hard address-space limit (prlimit)
 * for an allocation faster than the watch; and the time limit.
 */
function readInChild(source: Source, limits: typeof PDF_READ_LIMITS): Promise<WorkerResult | "tooComplex"> {
  const budgetMb = limits.memoryMb + Math.ceil((2 * source.byteSize) / MiB);
  const node = [
    process.execPath,
    `--max-old-space-size=${limits.memoryMb}`,
    // WebAssembly (pdf.js has some) otherwise reserves ~10 GB of address space per memory and fails under the limit.
    "--disable-wasm-trap-handler",
    WORKER_FILE,
  ];
  const [command, ...args] = prlimit ? [prlimit, `--as=${(budgetMb + RESERVED_ADDRESS_SPACE_MB) * MiB}`, "--", ...node] : node;
  const child = spawn(command!, args, {
    // Nothing from the server's environment (database URL, secrets) is the parser's business.
    env: { NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  const closed = new Promise<void>((done) => child.once("close", () => done()));
  let timer: NodeJS.Timeout | undefined;
  let watch: NodeJS.Timeout | undefined;
  return new Promise<WorkerResult | "tooComplex">((resolve, reject) => {
    timer = setTimeout(() => resolve("tooComplex"), limits.seconds * 1000);
    watch = setInterval(() => {
      const used = child.pid === undefined ? null : residentMb(child.pid);
      if (used !== null && used > budgetMb) resolve("tooComplex");
    }, WATCH_EVERY_MS);
    child.once("message", (message: unknown) => resolve(isWorkerResult(message) ? message : { ok: false, reason: "corrupt" }));
    child.once("error", reject); // could not be started
    // Ended without an answer: killed (V8's abort, a failed allocation under the limit) means too
    // complex; a plain exit means pdf.js gave up on the file. No effect once settled.
    child.once("close", (_code, signal) => resolve(signal ? "tooComplex" : { ok: false, reason: "corrupt" }));
    // A child that died at once cannot take the job; its "close" above says why.
    child.send({ ...source, maxTextBytes: MAX_TEXT_BYTES, maxTextPages: MAX_TEXT_PAGES }, () => undefined);
  }).finally(async () => {
    clearTimeout(timer);
    clearInterval(watch);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    // The next read starts once this process is gone, not merely told to go.
    if (child.pid !== undefined) await closed;
  });
}

async function readPdfFrom(source: Source, limits: typeof PDF_READ_LIMITS): Promise<PdfFacts> {
  const result = await inReadQueue(() => readInChild(source, limits));
  if (result === "tooComplex") throw new UploadError("tooComplex");
  if (!result.ok) throw new UploadError(result.reason);
  if (result.pageCount < 1) throw new UploadError("corrupt", "The PDF has no pages.");
  return { pageCount: result.pageCount, text: cleanText(result.text) };
}

/**
 * Opens the PDF with pdf.js to prove it is readable, and returns its page
 * count and text. Damaged and password-protected files are refused with
 * their own message; so is one that takes longer or more memory to read than
 * PDF_READ_LIMITS allow (its process is killed). At most
 * PDF_READ_CONCURRENCY files are read at once; the others wait their turn.
 */
export async function readPdf(bytes: Uint8Array, limits = PDF_READ_LIMITS): Promise<PdfFacts> {
  return readPdfFrom({ bytes, byteSize: bytes.byteLength }, limits);
}

/** readPdf for a file on disk: the reading process opens it, the server never holds its bytes. */
export async function readPdfFile(file: string, limits = PDF_READ_LIMITS): Promise<PdfFacts> {
  return readPdfFrom({ path: path.resolve(file), byteSize: (await stat(file)).size }, limits);
}

/** Trimmed, whitespace-tidy, without NUL (PostgreSQL text cannot hold it), at most MAX_TEXT_BYTES of UTF-8. */
export function cleanText(raw: string): string {
  const text = raw
    .replace(/\u0000/g, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (Buffer.byteLength(text) <= MAX_TEXT_BYTES) return text;
  // Cutting UTF-8 mid-character leaves a replacement character at the end: drop it.
  return Buffer.from(text)
    .subarray(0, MAX_TEXT_BYTES)
    .toString("utf8")
    .replace(/\uFFFD+$/, "")
    .trim();
}
