import { stat } from "node:fs/promises";
import path from "node:path";
import { UploadError } from "./errors";
import { inReadQueue } from "./pdf-queue";
import { readInReader, type PdfReadLimits } from "./pdf-readers";

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
export const PDF_READ_LIMITS: PdfReadLimits = { seconds: 30, memoryMb: 384 };

type Source = { bytes: Uint8Array; byteSize: number } | { path: string; byteSize: number };

async function readPdfFrom(source: Source, limits: PdfReadLimits): Promise<PdfFacts> {
  const result = await inReadQueue(() =>
    readInReader({ ...source, maxTextBytes: MAX_TEXT_BYTES, maxTextPages: MAX_TEXT_PAGES }, limits),
  );
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

/** The page break in extracted text (a form feed): page N's text is the Nth part. */
export const PAGE_BREAK = "\f";

/**
 * Trimmed, whitespace-tidy, without NUL (PostgreSQL text cannot hold it), at
 * most MAX_TEXT_BYTES of UTF-8; pages stay apart by PAGE_BREAK.
 */
export function cleanText(raw: string): string {
  const text = raw
    .replace(/\u0000/g, "")
    .replace(/[^\S\n\f]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/[^\S\f]*\f[^\S\f]*/g, PAGE_BREAK)
    .replace(/\n{3,}/g, "\n\n")
    // Spaces and line breaks only: an empty first or last page keeps its break, so page numbers hold.
    .replace(/^[ \n]+|[ \n]+$/g, "");
  if (Buffer.byteLength(text) <= MAX_TEXT_BYTES) return text;
  // Cutting UTF-8 mid-character leaves a replacement character at the end: drop it.
  return Buffer.from(text)
    .subarray(0, MAX_TEXT_BYTES)
    .toString("utf8")
    .replace(/\uFFFD+$/, "")
    .replace(/[ \n]+$/, "");
}
