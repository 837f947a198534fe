import { authorizeRequest } from "@/lib/auth/session";
import { recordAudit } from "@/lib/data/audit";
import { parseRouteId } from "@/lib/http/route-params";
import { removeAttachment, replaceAttachment } from "@/lib/uploads/attachments";
import { UploadError } from "@/lib/uploads/errors";
import { jsonResponse, uploadErrorResponse } from "@/lib/uploads/respond";

type Context = { params: Promise<{ id: string; attachmentId: string }> };

async function parseIds(params: Context["params"]) {
  const { id, attachmentId } = await params;
  const publicationId = parseRouteId(id);
  const fileId = parseRouteId(attachmentId);
  return publicationId === null || fileId === null ? null : { publicationId, attachmentId: fileId };
}

const noAttachment = () => uploadErrorResponse(new UploadError("notFound", "The attachment does not exist."));

/** Replaces the attachment's file with the PDF in the body (same headers as an upload). */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const user = await authorizeRequest("publications:write");
  if (user instanceof Response) return user;
  const ids = await parseIds(params);
  if (!ids) return noAttachment();
  try {
    const { before, after } = await replaceAttachment(ids.publicationId, ids.attachmentId, request);
    await recordAudit({
      userId: user.id,
      action: "replace",
      entityType: "attachment",
      entityId: after.id,
      changes: {
        fileName: [before.fileName, after.fileName],
        sha256: [before.sha256, after.sha256],
        byteSize: [before.byteSize, after.byteSize],
      },
    });
    return jsonResponse({ attachment: after });
  } catch (error) {
    return uploadErrorResponse(error);
  }
}

export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const user = await authorizeRequest("publications:write");
  if (user instanceof Response) return user;
  const ids = await parseIds(params);
  if (!ids) return noAttachment();
  try {
    const removed = await removeAttachment(ids.publicationId, ids.attachmentId);
    await recordAudit({
      userId: user.id,
      action: "remove",
      entityType: "attachment",
      entityId: removed.id,
      changes: { publicationId: [ids.publicationId, null], fileName: [removed.fileName, null], sha256: [removed.sha256, null] },
    });
    return jsonResponse({ removed });
  } catch (error) {
    return uploadErrorResponse(error);
  }
}
