/** A short plain-text answer for errors: never a page, never a stack trace. */
export function plainText(status: number, message: string, headers?: HeadersInit): Response {
  const all = new Headers(headers);
  all.set("Content-Type", "text/plain; charset=utf-8");
  all.set("X-Content-Type-Options", "nosniff");
  if (!all.has("Cache-Control")) all.set("Cache-Control", "no-store");
  return new Response(`${message}\n`, { status, headers: all });
}

export function notFoundText(): Response {
  return plainText(404, "Not found");
}
