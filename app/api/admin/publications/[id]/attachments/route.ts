import { authorizeRequest } from "@/lib/auth/session";
import { listAttachments, publicationExists } from "@/lib/data/attachments";
import { recordAudit } from "@/lib/data/audit";
import { parseRouteId } from "@/lib/http/route-params";
import { uploadAttachment } from "@/lib/uploads/attachments";
import { UploadError } from "@/lib/uploads/errors";
import { jsonResponse, uploadErrorResponse } from "@/lib/uploads/respond";

type Context = { params: Promise<{ id: string }> };

const noPublication = () => uploadErrorResponse(new UploadError("notFound", "The publication does not exist."));

/** The publication's attachments, for the editor. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const user = await authorizeRequest("publications:write");
  if (user instanceof Response) return user;
  const publicationId = parseRouteId((await params).id);
  if (publicationId === null) return noPublication();
  try {
    if (!(await publicationExists(publicationId))) return noPublication();
    return jsonResponse({ attachments: await listAttachments(publicationId) });
  } catch (error) {
    return uploadErrorResponse(error);
  }
}

/** Uploads one PDF: the raw body is the file, `X-File-Name` its percent-encoded name. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await authorizeRequest("publications:write");
  if (user instanceof Response) return user;
  const publicationId = parseRouteId((await params).id);
  if (publicationId === null) return noPublication();
  try {
    const attachment = await uploadAttachment(publicationId, request, user.id);
    await recordAudit({
      userId: user.id,
      action: "upload",
      entityType: "attachment",
      entityId: attachment.id,
      changes: {
        publicationId: [null, publicationId],
        fileName: [null, attachment.fileName],
        sha256: [null, attachment.sha256],
        byteSize: [null, attachment.byteSize],
      },
    });
    return jsonResponse({ attachment }, 201);
  } catch (error) {
    return uploadErrorResponse(error);
  }
}
