import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { UploadError } from "@/lib/uploads/errors";
import { FILE_NAME_MAX_LENGTH } from "@/lib/uploads/file-name";
import { readPdfFile, type PdfFacts } from "@/lib/uploads/pdf";
import { storage } from "@/lib/storage";

/** A file an archive line names, checked: inside the folder, a PDF by its bytes. */
export type CheckedFile = { absolutePath: string; byteSize: number; sha256: string };

export class FileRefusal extends Error {}

const PDF_SIGNATURE = Buffer.from("%PDF-", "latin1");
const EOF_MARKER = Buffer.from("%%EOF", "latin1");
// Same characters the upload path removes from a file name.
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The file at `relative` inside `folder`; `..` escapes, absolute paths and symlinks out are refused. */
async function resolveInside(folder: string, relative: string): Promise<string> {
  if (path.isAbsolute(relative) || /^[a-zA-Z]:|^[\\/]/.test(relative))
    throw new FileRefusal(`"${relative}" is an absolute path; give a path relative to the archive folder`);
  const root = await realpath(folder);
  const target = path.resolve(root, relative);
  if (target !== root && !target.startsWith(root + path.sep))
    throw new FileRefusal(`"${relative}" points outside the archive folder`);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new FileRefusal(`"${relative}" does not exist in the archive folder`);
  }
  if (!real.startsWith(root + path.sep)) throw new FileRefusal(`"${relative}" points outside the archive folder`);
  if (!(await stat(real)).isFile()) throw new FileRefusal(`"${relative}" is not a file`);
  return real;
}

/** First and last bytes, for the PDF signature and the end-of-file marker a cut-off file lacks. */
async function headAndTail(file: string, size: number): Promise<{ head: Buffer; tail: Buffer }> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(Math.min(size, 8));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 1024));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return { head, tail };
  } finally {
    await handle.close();
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Checks an attachment the way the upload path does, without reading it into memory. */
export async function checkAttachmentFile(folder: string, relative: string): Promise<CheckedFile> {
  const absolutePath = await resolveInside(folder, relative);
  const byteSize = (await stat(absolutePath)).size;
  if (byteSize === 0) throw new FileRefusal(`"${relative}" is empty`);
  const { head, tail } = await headAndTail(absolutePath, byteSize);
  if (!head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) throw new FileRefusal(`"${relative}" is not a PDF`);
  if (!tail.includes(EOF_MARKER)) throw new FileRefusal(`"${relative}" is an incomplete PDF (it seems to have been cut short)`);
  return { absolutePath, byteSize, sha256: await sha256Of(absolutePath) };
}

/** The download name: the line's `name`, else the file's own name; NFC, no path or control characters. */
export function downloadName(relative: string, name: string | undefined): string | null {
  const chosen = (name ?? "").trim() || path.basename(relative);
  const clean = (chosen.normalize("NFC").split(/[/\\]/).at(-1) ?? "").replace(UNSAFE_CHARACTERS, "").trim();
  if (clean === "" || clean === "." || clean === ".." || [...clean].length > FILE_NAME_MAX_LENGTH) return null;
  return clean;
}

// The same bytes named by many papers are read once; bounded by the text kept.
const factsCache = new LRUCache<string, PdfFacts>({
  maxSize: 4 * 1024 * 1024,
  sizeCalculation: (f) => Math.max(1, f.text.length),
});

// Reads in progress, so a file read ahead (read-ahead.ts) is not read a second time by its line.
const reading = new Map<string, Promise<PdfFacts>>();

/** Page count and text, read in the upload path's limited reader process. */
export async function readAttachmentFacts(file: CheckedFile, relative: string): Promise<PdfFacts> {
  const cached = factsCache.get(file.sha256);
  if (cached) return cached;
  let read = reading.get(file.sha256);
  if (!read) {
    read = readPdfFile(file.absolutePath)
      .then((facts) => (factsCache.set(file.sha256, facts), facts))
      .finally(() => reading.delete(file.sha256));
    reading.set(file.sha256, read);
  }
  try {
    return await read;
  } catch (error) {
    if (error instanceof UploadError) throw new FileRefusal(`"${relative}": ${error.message}`);
    throw error;
  }
}

/**
 * The storage key of one paper's copy of a file: derived from the bytes and
 * the paper, so a run interrupted after storing finds and reuses it.
 */
export function importStorageKey(sha256: string, legacyId: string): string {
  const paper = createHash("sha256").update(legacyId).digest("hex").slice(0, 16);
  return `imports/${sha256.slice(0, 2)}/${sha256}-${paper}`;
}

/** Stores the file under its key unless a complete copy is already there. */
export async function storeAttachmentFile(file: CheckedFile, key: string): Promise<void> {
  const existing = await storage().stat(key);
  if (existing?.size === file.byteSize) return;
  const stored = await storage().put(key, createReadStream(file.absolutePath));
  if (stored.size !== file.byteSize)
    throw new Error(`stored ${stored.size} bytes of ${file.absolutePath}, expected ${file.byteSize}`);
}
