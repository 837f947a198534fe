import path from "node:path";
import { Worker } from "node:worker_threads";
import { UploadError } from "./errors";

/** Text kept for search: enough for any policy paper, bounded for a pathological one. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export type PdfFacts = { pageCount: number; text: string };

/** What reading a PDF may cost: a file that needs more is refused, and the server does not feel it. */
export const PDF_READ_LIMITS = { seconds: 30, memoryMb: 256 };

type WorkerResult = { ok: true; pageCount: number; text: string } | { ok: false; reason: "encrypted" | "corrupt" };

// Loaded from disk at run time (the server runs from the project folder), outside the app bundle.
const WORKER_FILE = path.join(process.cwd(), "lib", "uploads", "pdf-worker.mjs");

/**
 * Opens the PDF with pdf.js in a worker thread to prove it is readable, and
 * returns its page count and text. Damaged and password-protected files are
 * refused with their own message; so is one that takes longer or more memory
 * to read than PDF_READ_LIMITS allow (the worker is stopped).
 */
export async function readPdf(bytes: Uint8Array, limits = PDF_READ_LIMITS): Promise<PdfFacts> {
  // pdf.js takes ownership of the buffer it is given: the worker gets its own copy.
  const copy = new Uint8Array(bytes);
  const worker = new Worker(WORKER_FILE, {
    workerData: { bytes: copy, maxTextBytes: MAX_TEXT_BYTES },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
  });
  const result = await new Promise<WorkerResult | "tooComplex">((resolve, reject) => {
    const timer = setTimeout(() => resolve("tooComplex"), limits.seconds * 1000);
    worker.once("message", (message: WorkerResult) => {
      clearTimeout(timer);
      resolve(message);
    });
    worker.once("error", (error: Error & { code?: string }) => {
      clearTimeout(timer);
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") resolve("tooComplex");
      else reject(error);
    });
    // A worker that ends without an answer could not read the file (no effect once settled).
    worker.once("exit", () => {
      clearTimeout(timer);
      resolve({ ok: false, reason: "corrupt" });
    });
  }).finally(() => void worker.terminate());
  if (result === "tooComplex") throw new UploadError("tooComplex");
  if (!result.ok) throw new UploadError(result.reason);
  if (result.pageCount < 1) throw new UploadError("corrupt", "The PDF has no pages.");
  return { pageCount: result.pageCount, text: cleanText(result.text) };
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
