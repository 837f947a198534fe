import "server-only";
import { db } from "@/lib/db";
import { isRecordNotFound } from "./prisma-errors";
import { publicPublicationWhere } from "./visibility";

// The upload code (lib/uploads/) reads Prisma's errors through this module.
export { isPrismaError } from "./prisma-errors";

/** The fields that describe a stored file, for readers' downloads and the editor alike. */
const attachmentFileSelect = {
  id: true,
  publicationId: true,
  fileName: true,
  byteSize: true,
  sha256: true,
  mediaType: true,
  createdAt: true,
} as const;

/** An attachment a reader may download: it belongs to `publicationId`, and that publication is public. */
export async function getPublicAttachment(publicationId: number, attachmentId: number) {
  return db.attachment.findFirst({
    where: { id: attachmentId, publicationId, publication: { is: publicPublicationWhere() } },
    select: { ...attachmentFileSelect, storageKey: true },
  });
}

export type PublicAttachment = NonNullable<Awaited<ReturnType<typeof getPublicAttachment>>>;

// ---------------------------------------------------------------- editing (callers authorize first)

const editorAttachmentSelect = { ...attachmentFileSelect, pageCount: true, sortOrder: true } as const;

export type EditorAttachment = Awaited<ReturnType<typeof listAttachments>>[number];

/** Every attachment of a publication, in display order, for the editor. */
export async function listAttachments(publicationId: number) {
  return db.attachment.findMany({
    where: { publicationId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: editorAttachmentSelect,
  });
}

export async function publicationExists(id: number): Promise<boolean> {
  return (await db.publication.count({ where: { id } })) > 0;
}

/** The attachment of this publication with these bytes, if any: the same file twice is refused. */
export async function findAttachmentBySha(publicationId: number, sha256: string) {
  return db.attachment.findUnique({
    where: { publicationId_sha256: { publicationId, sha256 } },
    select: { id: true, fileName: true },
  });
}

/** One attachment with its storage key, only if it belongs to `publicationId`. */
export async function getAttachmentForEdit(publicationId: number, attachmentId: number) {
  return db.attachment.findFirst({
    where: { id: attachmentId, publicationId },
    select: { ...editorAttachmentSelect, storageKey: true },
  });
}

export type AttachmentFile = {
  fileName: string;
  byteSize: number;
  sha256: string;
  mediaType: string;
  pageCount: number | null;
  storageKey: string;
  extractedText: string | null;
};

/** A new attachment placed after the publication's others. */
export async function createAttachment(input: AttachmentFile & { publicationId: number; uploadedById: string | null }) {
  return db.$transaction(async (tx) => {
    const { _max } = await tx.attachment.aggregate({ where: { publicationId: input.publicationId }, _max: { sortOrder: true } });
    return tx.attachment.create({
      data: { ...input, sortOrder: (_max.sortOrder ?? -1) + 1 },
      select: editorAttachmentSelect,
    });
  });
}

/** Points an attachment at new bytes; the caller deletes the old object afterwards. */
export async function updateAttachmentFile(publicationId: number, attachmentId: number, file: AttachmentFile) {
  const [updated] = await db.attachment.updateManyAndReturn({
    where: { id: attachmentId, publicationId },
    data: file,
    select: editorAttachmentSelect,
  });
  return updated ?? null;
}

/** Deletes the row and returns what the caller needs to delete the stored object; null if there was none. */
export async function deleteAttachment(publicationId: number, attachmentId: number) {
  try {
    return await db.attachment.delete({
      where: { id: attachmentId, publicationId },
      select: { id: true, fileName: true, sha256: true, storageKey: true },
    });
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}
