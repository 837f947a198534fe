/**
 * The request header in which the portal's edge (server/forwarded.ts) names
 * the client, after applying TRUST_PROXY; any copy a client sent is replaced.
 */
export const CLIENT_ADDRESS_HEADER = "x-perspectives-client";

/**
 * The client's address as the edge decided it. Never read X-Forwarded-For
 * here: only the edge knows which of its entries a trusted proxy wrote.
 * Without the edge (plain `next start`) every client is "unknown", so
 * per-client limits fail closed: they are shared, not bypassed.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
