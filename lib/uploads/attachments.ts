import "server-only";
import {
  createAttachment,
  deleteAttachment,
  findAttachmentBySha,
  getAttachmentForEdit,
  isPrismaError,
  publicationExists,
  updateAttachmentFile,
  type AttachmentFile,
  type EditorAttachment,
} from "@/lib/data/attachments";
import { UploadError } from "./errors";
import { receivePdf, type IncomingPdf } from "./incoming";
import { deleteStoredFile, storeFile } from "./store";

const duplicateOf = (fileName: string) =>
  new UploadError("duplicate", `This file is already attached to the publication as “${fileName}”.`, { fileName });

async function refuseDuplicate(publicationId: number, sha256: string, exceptId?: number) {
  const existing = await findAttachmentBySha(publicationId, sha256);
  if (existing && existing.id !== exceptId) throw duplicateOf(existing.fileName);
}

/** After the unique index caught a duplicate that slipped past the check (two uploads at once). */
async function duplicateAfterConflict(publicationId: number, sha256: string): Promise<UploadError> {
  const existing = await findAttachmentBySha(publicationId, sha256);
  return existing ? duplicateOf(existing.fileName) : new UploadError("duplicate");
}

const fileRecord = (incoming: IncomingPdf, storageKey: string): AttachmentFile => ({
  fileName: incoming.fileName,
  byteSize: incoming.file.byteSize,
  sha256: incoming.file.sha256,
  mediaType: incoming.mediaType,
  pageCount: incoming.facts.pageCount,
  storageKey,
  extractedText: incoming.facts.text || null,
});

/** Receives, checks, stores and records a new PDF; a refusal or failure leaves no object and no row. */
export async function uploadAttachment(
  publicationId: number,
  request: Request,
  userId: string | null,
): Promise<EditorAttachment> {
  if (!(await publicationExists(publicationId))) throw new UploadError("notFound", "The publication does not exist.");
  const incoming = await receivePdf(request);
  try {
    await refuseDuplicate(publicationId, incoming.file.sha256);
    const storageKey = await storeFile(incoming.file.path, incoming.file.byteSize);
    try {
      return await createAttachment({ ...fileRecord(incoming, storageKey), publicationId, uploadedById: userId });
    } catch (error) {
      await deleteStoredFile(storageKey);
      if (isPrismaError(error, "P2002")) throw await duplicateAfterConflict(publicationId, incoming.file.sha256);
      if (isPrismaError(error, "P2003")) throw new UploadError("notFound", "The publication does not exist.");
      throw error;
    }
  } finally {
    await incoming.file.dispose();
  }
}

export type Replaced = { before: Pick<EditorAttachment, "fileName" | "sha256" | "byteSize">; after: EditorAttachment };

/** New bytes for an existing attachment: stored under a new key, the row repointed, then the old object deleted. */
export async function replaceAttachment(publicationId: number, attachmentId: number, request: Request): Promise<Replaced> {
  const current = await getAttachmentForEdit(publicationId, attachmentId);
  if (!current) throw new UploadError("notFound", "The attachment does not exist.");
  const incoming = await receivePdf(request);
  try {
    await refuseDuplicate(publicationId, incoming.file.sha256, attachmentId);
    const storageKey = await storeFile(incoming.file.path, incoming.file.byteSize);
    let after: EditorAttachment | null;
    try {
      after = await updateAttachmentFile(publicationId, attachmentId, fileRecord(incoming, storageKey));
    } catch (error) {
      await deleteStoredFile(storageKey);
      if (isPrismaError(error, "P2002")) throw await duplicateAfterConflict(publicationId, incoming.file.sha256);
      throw error;
    }
    if (!after) {
      // Removed by someone else while the bytes were arriving.
      await deleteStoredFile(storageKey);
      throw new UploadError("notFound", "The attachment does not exist.");
    }
    await deleteStoredFile(current.storageKey);
    return { before: { fileName: current.fileName, sha256: current.sha256, byteSize: current.byteSize }, after };
  } finally {
    await incoming.file.dispose();
  }
}

/** Deletes the row first (readers stop seeing it), then its object. */
export async function removeAttachment(publicationId: number, attachmentId: number) {
  const deleted = await deleteAttachment(publicationId, attachmentId);
  if (!deleted) throw new UploadError("notFound", "The attachment does not exist.");
  await deleteStoredFile(deleted.storageKey);
  return { id: deleted.id, fileName: deleted.fileName, sha256: deleted.sha256 };
}
