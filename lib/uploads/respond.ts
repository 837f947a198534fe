import { UploadError } from "./errors";

/** A JSON answer the browser must not cache (editor data changes under it). */
export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/**
 * `{ error: { code, message } }` with the code's status. A refusal is the
 * user's to fix and is not logged; anything else is logged in full and
 * answered with a generic message, never a stack trace.
 */
export function uploadErrorResponse(error: unknown): Response {
  if (error instanceof UploadError) {
    if (error.code === "storage") console.error("Upload failed", error.cause ?? error);
    const response = jsonResponse(error.toBody(), error.status);
    if (error.code === "busy" || error.code === "storageUnavailable") response.headers.set("Retry-After", "60");
    // The operator must hear of a full or read-only disk: one line, not the editor's fault.
    if (error.code === "storageUnavailable")
      console.error(`[uploads] storage cannot be written: ${String((error.cause as Error | undefined)?.message)}`);
    return response;
  }
  console.error("Upload failed unexpectedly", error);
  return jsonResponse(new UploadError("storage").toBody(), 500);
}
