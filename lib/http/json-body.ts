/** A JSON request body read up to a limit: the value, or the status that says why it was refused. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415 };

/**
 * Reads a request's JSON body, refusing one that is not `application/json`
 * (no plain HTML form on another site can send that without the browser
 * asking this site first) or longer than `maxBytes`, counted as it arrives
 * whatever Content-Length says.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  const type = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415 };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, status: 413 };
      }
      chunks.push(r.value);
    }
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
  } catch {
    return { ok: false, status: 400 };
  }
}
