import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { UploadError } from "./errors";
import { FILE_NAME_HEADER, parseUploadFileName } from "./file-name";
import type { PdfFacts } from "./pdf";
import { receiveToTempFile, type ReceivedFile } from "./receive";
import { PDF_MEDIA_TYPE, validatePdf } from "./validate";

export type IncomingPdf = { fileName: string; file: ReceivedFile; facts: PdfFacts; mediaType: string };

// Raw bytes are expected; a multipart form or a declared image is refused before anything is read.
const ACCEPTED_CONTENT_TYPES = new Set([PDF_MEDIA_TYPE, "application/octet-stream", "application/x-pdf"]);

function checkContentType(header: string | null) {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  if (type && !ACCEPTED_CONTENT_TYPES.has(type)) {
    throw new UploadError("notPdf", "Send the PDF's bytes as the request body with Content-Type: application/pdf.");
  }
}

/** Where uploads wait while they are checked: beside the stored files, on a disk sized for them. */
export function uploadTempDir(): string {
  return path.join(env().STORAGE_DIR, ".tmp");
}

/**
 * The request's name and bytes, received and proved to be a readable PDF.
 * The caller must `file.dispose()` once it has stored the bytes; on a refusal nothing is left behind.
 */
export async function receivePdf(request: Request): Promise<IncomingPdf> {
  checkContentType(request.headers.get("content-type"));
  const fileName = parseUploadFileName(request.headers.get(FILE_NAME_HEADER));
  const file = await receiveToTempFile(request, { maxBytes: env().UPLOAD_MAX_MB * 1024 * 1024, dir: uploadTempDir() });
  try {
    const facts = await validatePdf(file);
    return { fileName, file, facts, mediaType: PDF_MEDIA_TYPE };
  } catch (error) {
    await file.dispose();
    throw error;
  }
}
