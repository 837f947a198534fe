import { Readable } from "node:stream";
import { getPublicAttachment, type PublicAttachment } from "@/lib/data/attachments";
import { httpDate, ifRangeMatches, isNotModified, strongEtag } from "@/lib/http/conditional";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { contentRange, selectRange, unsatisfiedRange } from "@/lib/http/ranges";
import { notFoundText, plainText } from "@/lib/http/responses";
import { parseRouteId } from "@/lib/http/route-params";
import { isLocale } from "@/lib/i18n/routing";
import { storage } from "@/lib/storage";
import { cookieNames } from "@/lib/http/cookies";
import { countDownload } from "@/lib/stats/count-request";

type Context = { params: Promise<{ locale: string; id: string; attachmentId: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, { body: true });
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, { body: false });
}

async function findDownload(params: Context["params"]) {
  const { locale, id, attachmentId } = await params;
  const publicationId = parseRouteId(id);
  const fileId = parseRouteId(attachmentId);
  if (!isLocale(locale) || publicationId === null || fileId === null) return null;
  const attachment = await getPublicAttachment(publicationId, fileId);
  if (!attachment) return null;
  return (await storedSizeMatches(attachment)) ? attachment : null;
}

/** A row whose file is gone (or is not the file recorded) is "not found" to the reader, and a fault to the operator. */
async function storedSizeMatches(attachment: PublicAttachment): Promise<boolean> {
  try {
    const stored = await storage().stat(attachment.storageKey);
    if (stored?.size === attachment.byteSize) return true;
    console.error(
      `Attachment ${attachment.id}: stored file ${stored ? `has ${stored.size} bytes, expected ${attachment.byteSize}` : "is missing"}`,
    );
  } catch (error) {
    console.error(`Attachment ${attachment.id}: cannot read its stored file`, error);
  }
  return false;
}

async function serve(request: Request, { params }: Context, { body }: { body: boolean }): Promise<Response> {
  const attachment = await findDownload(params);
  if (!attachment) return notFoundText();

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
  headers.set("Content-Disposition", attachmentDisposition(attachment.fileName));
  const selection = ifRangeMatches(request.headers.get("if-range"), validators)
    ? selectRange(size, request.headers.get("range"))
    : ({ kind: "whole" } as const);
  if (selection.kind === "unsatisfiable") {
    return plainText(416, "Range not satisfiable", { "Content-Range": unsatisfiedRange(size), "Accept-Ranges": "bytes" });
  }

  const range = selection.kind === "partial" ? { start: selection.start, end: selection.end } : undefined;
  headers.set("Content-Length", String(range ? range.end - range.start + 1 : size));
  if (range) headers.set("Content-Range", contentRange(range.start, range.end, size));
  // A download is counted when the file starts being served: a whole file, or the first range of a viewer's reads.
  if (body && (!range || range.start === 0)) {
    const incoming = { method: request.method, headers: request.headers, cookieNames: cookieNames(request.headers) };
    try {
      countDownload(incoming, attachment.publicationId, attachment.id);
    } catch (e) {
      console.error("[stats] recording a download failed:", e);
    }
  }
  const stream = body ? Readable.toWeb(await storage().read(attachment.storageKey, range)) : null;
  return new Response(stream as ReadableStream<Uint8Array> | null, { status: range ? 206 : 200, headers });
}
