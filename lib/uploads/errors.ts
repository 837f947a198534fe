// Why an upload was refused: a code the client localizes, an HTTP status and a plain English message.

export const UPLOAD_ERROR_CODES = [
  "empty",
  "tooLarge",
  "notPdf",
  "corrupt",
  "encrypted",
  "tooComplex",
  "badName",
  "duplicate",
  "notFound",
  "storage",
  "busy",
  "storageUnavailable",
] as const;

export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

/** The JSON body of every refused request; `fileName` names the existing attachment of a duplicate. */
export type UploadErrorBody = { error: { code: UploadErrorCode; message: string; fileName?: string } };

export const UPLOAD_ERROR_STATUS: Record<UploadErrorCode, number> = {
  empty: 400,
  tooLarge: 413,
  notPdf: 400,
  corrupt: 400,
  encrypted: 400,
  tooComplex: 400,
  badName: 400,
  duplicate: 409,
  notFound: 404,
  storage: 500,
  // A passing state of the server, not a fault: the client may retry (Retry-After).
  busy: 503,
  storageUnavailable: 503,
};

const DEFAULT_MESSAGES: Record<UploadErrorCode, string> = {
  empty: "The file is empty.",
  tooLarge: "The file is too large.",
  notPdf: "The file is not a PDF.",
  corrupt: "The PDF is damaged or incomplete and cannot be opened.",
  encrypted: "The PDF is protected by a password and cannot be read. Upload a copy without a password.",
  tooComplex:
    "The PDF takes too long or too much memory to read. Save it again (for example with “Reduce file size”) and upload the copy.",
  badName: "The file name is missing or not valid.",
  duplicate: "This file is already attached to the publication.",
  notFound: "The publication or attachment does not exist.",
  storage: "The file could not be saved. Please try again.",
  busy: "The server is reading many PDFs right now. Please try again in a minute.",
  storageUnavailable:
    "The server's file storage is full or cannot be written to right now, so nothing was saved. Please try again later, and tell the site's administrator if it persists.",
};

// Errors of the server's own disk, not of the editor's connection.
const STORAGE_FAULTS = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO", "EMFILE", "ENFILE", "ENOTDIR"]);

/** Whether an error came from the server's storage failing (full, read-only, not permitted). */
export function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && STORAGE_FAULTS.has(code);
}

export class UploadError extends Error {
  override name = "UploadError";
  readonly fileName: string | undefined;

  constructor(
    readonly code: UploadErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    options?: ErrorOptions & { fileName?: string },
  ) {
    super(message, options);
    this.fileName = options?.fileName;
  }

  get status(): number {
    return UPLOAD_ERROR_STATUS[this.code];
  }

  toBody(): UploadErrorBody {
    const body: UploadErrorBody = { error: { code: this.code, message: this.message } };
    if (this.fileName !== undefined) body.error.fileName = this.fileName;
    return body;
  }
}

export function isUploadErrorCode(value: unknown): value is UploadErrorCode {
  return typeof value === "string" && (UPLOAD_ERROR_CODES as readonly string[]).includes(value);
}
