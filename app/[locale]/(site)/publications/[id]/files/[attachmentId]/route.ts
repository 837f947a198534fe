import { Readable } from "node:stream";
import { getPublicAttachment, type PublicAttachment } from "@/lib/data/attachments";
import { noteDatabaseError, RETRY_AFTER_SECONDS } from "@/lib/db-outage";
import { httpDate, ifRangeMatches, isNotModified, strongEtag } from "@/lib/http/conditional";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { contentRange, selectRange, unsatisfiedRange } from "@/lib/http/ranges";
import { notFoundText, plainText } from "@/lib/http/responses";
import { parseRouteId } from "@/lib/http/route-params";
import { isLocale } from "@/lib/i18n/routing";
import { storage } from "@/lib/storage";
import { countUse } from "@/lib/stats/count-request";
import { countableRequest } from "@/lib/stats/counting-rules";

type Context = { params: Promise<{ locale: string; id: string; attachmentId: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, { body: true });
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, { body: false });
}

type Found = { attachment: PublicAttachment } | { problem: "not-found" | "unavailable" | "database-unavailable" };

async function findDownload(params: Context["params"]): Promise<Found> {
  const { locale, id, attachmentId } = await params;
  const publicationId = parseRouteId(id);
  const fileId = parseRouteId(attachmentId);
  if (!isLocale(locale) || publicationId === null || fileId === null) return { problem: "not-found" };
  let attachment: PublicAttachment | null;
  try {
    attachment = await getPublicAttachment(publicationId, fileId);
  } catch (error) {
    // A database that cannot be reached is a passing outage too: "try again", like the storage backend below.
    if (noteDatabaseError(error)) return { problem: "database-unavailable" };
    throw error;
  }
  if (!attachment) return { problem: "not-found" };
  return storedFileState(attachment);
}

/**
 * A row whose file is gone (or is not the file recorded) is "not found" to the
 * reader and a fault to the operator; a storage backend that cannot be asked
 * (S3 down, a disk error) is a passing outage: "try again", not "gone".
 */
async function storedFileState(attachment: PublicAttachment): Promise<Found> {
  try {
    const stored = await storage().stat(attachment.storageKey);
    if (stored?.size === attachment.byteSize) return { attachment };
    console.error(
      `Attachment ${attachment.id}: stored file ${stored ? `has ${stored.size} bytes, expected ${attachment.byteSize}` : "is missing"}`,
    );
    return { problem: "not-found" };
  } catch (error) {
    console.error(`Attachment ${attachment.id}: cannot read its stored file`, error);
    return { problem: "unavailable" };
  }
}

async function serve(request: Request, { params }: Context, { body }: { body: boolean }): Promise<Response> {
  const found = await findDownload(params);
  if ("problem" in found) {
    return found.problem === "not-found" ? notFoundText() : unavailable();
  }
  const { attachment } = found;

  const size = attachment.byteSize;
  const validators = { etag: strongEtag(attachment.sha256), lastModified: attachment.createdAt };
  const headers = new Headers({
    ETag: validators.etag,
    "Last-Modified": httpDate(validators.lastModified),
    // Cacheable, but checked every time: an unpublished paper must stop being served.
    "Cache-Control": "public, max-age=0, must-revalidate",
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  });
  if (isNotModified(request.headers, validators)) return new Response(null, { status: 304, headers });

  headers.set("Content-Type", attachment.mediaType);
  // "?view=inline" opens a PDF in the browser's viewer, which goes to "#page=N" (the page links of
  // "Search in this paper"); without it, or for any other file or value, the file is saved.
  const inline = new URL(request.url).searchParams.get("view") === "inline" && attachment.mediaType === "application/pdf";
  headers.set("Content-Disposition", attachmentDisposition(attachment.fileName, inline ? "inline" : "attachment"));
  const selection = ifRangeMatches(request.headers.get("if-range"), validators)
    ? selectRange(size, request.headers.get("range"))
    : ({ kind: "whole" } as const);
  if (selection.kind === "unsatisfiable") {
    return plainText(416, "Range not satisfiable", { "Content-Range": unsatisfiedRange(size), "Accept-Ranges": "bytes" });
  }

  const range = selection.kind === "partial" ? { start: selection.start, end: selection.end } : undefined;
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : size));
  if (range) headers.set("Content-Range", contentRange(range.start, range.end, size));
  let stream: Readable | null = null;
  if (body) {
    try {
      stream = await storage().read(attachment.storageKey, range);
    } catch (error) {
      console.error(`Attachment ${attachment.id}: cannot read its stored file`, error);
      return unavailable();
    }
  }
  // A download is counted when the file starts being served: a whole file, or the first range of a viewer's reads.
  if (body && (!range || range.start === 0)) {
    const use = { kind: "download", publicationId: attachment.publicationId, attachmentId: attachment.id } as const;
    countUse(countableRequest(request.method, request.headers), use);
  }
  const webStream = stream ? (Readable.toWeb(stream) as ReadableStream<Uint8Array>) : null;
  return new Response(webStream, { status: range ? 206 : 200, headers });
}

function unavailable(): Response {
  return plainText(503, "The file cannot be served right now. Please try again in a minute.", {
    "Retry-After": String(RETRY_AFTER_SECONDS),
  });
}
