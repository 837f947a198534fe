import { UploadError } from "./errors";
import { readPdfFile, type PdfFacts } from "./pdf";
import type { ReceivedFile } from "./receive";

export const PDF_MEDIA_TYPE = "application/pdf";

const PDF_SIGNATURE = Buffer.from("%PDF-", "latin1");
const EOF_MARKER = Buffer.from("%%EOF", "latin1");

/** What a browser calls the file by its magic bytes, for a clearer refusal. */
function describeSignature(head: Buffer): string | null {
  if (head.subarray(0, 2).toString("latin1") === "MZ") return "a Windows program";
  if (head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return "a Linux program";
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "a ZIP archive or Office document";
  return null;
}

/**
 * A received file is accepted only if it is a PDF that opens: not empty,
 * starting with `%PDF-`, ending with `%%EOF` (a cut-off upload does not), and
 * readable by pdf.js without a password.
 */
export async function validatePdf(file: ReceivedFile): Promise<PdfFacts> {
  if (file.byteSize === 0) throw new UploadError("empty");
  if (!file.head.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) {
    const kind = describeSignature(file.head);
    throw new UploadError("notPdf", kind ? `The file is not a PDF (it looks like ${kind}).` : undefined);
  }
  // Readers look for %%EOF in the last 1024 bytes; its absence means the file was cut short.
  if (!file.tail.includes(EOF_MARKER))
    throw new UploadError("corrupt", "The PDF is incomplete (it seems to have been cut short).");
  // pdf.js needs the whole file: the reading process opens it from disk, within its own memory limit.
  return readPdfFile(file.path);
}
