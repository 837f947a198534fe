import "server-only";
import { db } from "@/lib/db";
import { publicPublicationWhere } from "./visibility";

/** An attachment a reader may download: it belongs to `publicationId`, and that publication is public. */
export async function getPublicAttachment(publicationId: number, attachmentId: number) {
  return db.attachment.findFirst({
    where: { id: attachmentId, publicationId, publication: { is: publicPublicationWhere() } },
    select: {
      id: true,
      publicationId: true,
      fileName: true,
      byteSize: true,
      sha256: true,
      mediaType: true,
      storageKey: true,
      createdAt: true,
    },
  });
}

export type PublicAttachment = NonNullable<Awaited<ReturnType<typeof getPublicAttachment>>>;
