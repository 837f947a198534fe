// The editor's side of the attachments API (app/api/admin/publications/[id]/attachments):
// sends a PDF with its progress, removes one, and turns every answer into an
// attachment or a failure code the editor's messages (Uploads.errors) name.
import { isUploadErrorCode, type UploadErrorCode } from "./errors";
import { FILE_NAME_HEADER } from "./file-name";

/** An attachment as the API returns it. */
export type AttachmentSummary = { id: number; fileName: string; byteSize: number; pageCount: number | null };

/** Why a request failed; `fileName` names the existing attachment of a duplicate. */
export type TransferFailure = {
  code: UploadErrorCode | "network" | "signedOut" | "forbidden" | "unknown";
  fileName?: string;
};

export type UploadAnswer = { ok: true; attachment: AttachmentSummary | null } | { ok: false; failure: TransferFailure };
export type RemoveAnswer = { ok: true } | { ok: false; failure: TransferFailure };

const attachmentsUrl = (publicationId: number, attachmentId?: number) =>
  `/api/admin/publications/${publicationId}/attachments${attachmentId === undefined ? "" : `/${attachmentId}`}`;

function failureOf(status: number, body: unknown): TransferFailure {
  if (status === 401) return { code: "signedOut" };
  if (status === 403) return { code: "forbidden" };
  const error = (body as { error?: { code?: unknown; fileName?: unknown } } | null)?.error;
  if (error && isUploadErrorCode(error.code)) {
    return { code: error.code, fileName: typeof error.fileName === "string" ? error.fileName : undefined };
  }
  return { code: "unknown" };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Sends one PDF: a new attachment, or the new file of `replacing`. XMLHttpRequest
 * rather than fetch: only it reports upload progress.
 */
export function uploadAttachment(
  publicationId: number,
  file: File,
  { replacing, onProgress }: { replacing?: number; onProgress: (loaded: number, total: number) => void },
): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(replacing === undefined ? "POST" : "PUT", attachmentsUrl(publicationId, replacing));
    xhr.setRequestHeader("Content-Type", "application/pdf");
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return resolve({ ok: false, failure: failureOf(xhr.status, body) });
      resolve({ ok: true, attachment: (body as { attachment?: AttachmentSummary } | null)?.attachment ?? null });
    };
    xhr.onerror = () => resolve({ ok: false, failure: { code: "network" } });
    xhr.onabort = () => resolve({ ok: false, failure: { code: "network" } });
    xhr.send(file);
  });
}

export async function removeAttachment(publicationId: number, attachmentId: number): Promise<RemoveAnswer> {
  try {
    const response = await fetch(attachmentsUrl(publicationId, attachmentId), { method: "DELETE" });
    if (response.ok) return { ok: true };
    return { ok: false, failure: failureOf(response.status, parseJson(await response.text())) };
  } catch {
    return { ok: false, failure: { code: "network" } };
  }
}
