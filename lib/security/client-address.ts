/**
 * The client's address as the nearest proxy saw it. Next.js fills
 * X-Forwarded-For with the socket address when no proxy sent one; behind a
 * reverse proxy that appends to the header, the last entry is the one it added.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
