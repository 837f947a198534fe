import { getDocumentProxy } from "unpdf";
import { UploadError } from "./errors";

/** Text kept for search: enough for any policy paper, bounded for a pathological one. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export type PdfFacts = { pageCount: number; text: string };

type PdfJsError = { name?: unknown };

/**
 * Opens the PDF with pdf.js (through unpdf) to prove it is readable, and
 * returns its page count and text. Damaged and password-protected files are
 * refused with their own message.
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy. Verbosity 0 = errors only.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as PdfJsError | null)?.name;
    if (name === "PasswordException") throw new UploadError("encrypted", undefined, { cause: error });
    throw new UploadError("corrupt", undefined, { cause: error });
  }
  try {
    const pageCount = document.numPages;
    if (pageCount < 1) throw new UploadError("corrupt", "The PDF has no pages.");
    return { pageCount, text: await extractBoundedText(document, pageCount) };
  } finally {
    await document.loadingTask.destroy();
  }
}

type Document = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Page by page, stopping once the limit is reached, so a 2,000-page file is not read to the end for nothing. */
async function extractBoundedText(document: Document, pageCount: number): Promise<string> {
  const pages: string[] = [];
  let bytes = 0;
  for (let number = 1; number <= pageCount && bytes <= MAX_TEXT_BYTES; number++) {
    let text: string;
    try {
      const content = await (await document.getPage(number)).getTextContent();
      text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
    } catch (error) {
      // The file opened and counted its pages; one unreadable page costs search text, not the upload.
      console.warn(`PDF text extraction failed on page ${number}`, error);
      continue;
    }
    pages.push(text);
    bytes += Buffer.byteLength(text);
  }
  return cleanText(pages.join("\n"));
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
