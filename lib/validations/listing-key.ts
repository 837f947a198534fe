import { parseListingQuery, type ListingProblem, type ListingQuery } from "./publications";

const MAX_KEY = 200;

/**
 * The catalogue's query string, validated and written in one canonical form
 * that fits in a URL segment: the key under which its rendered page is cached.
 * Null when the canonical form is too long to serve as a cache key.
 */
export function listingKey(params: URLSearchParams): string | null {
  const { query, problems } = parseListingQuery(Object.fromEntries(params));
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  const key = Buffer.from(JSON.stringify({ q: Object.fromEntries(entries), p: problems })).toString("base64url");
  return key.length <= MAX_KEY ? key : null;
}

/** Reads a key back; null for anything that is not one of ours. */
export function parseListingKey(key: string): { query: ListingQuery; problems: ListingProblem[] } | null {
  if (key.length > MAX_KEY || !/^[A-Za-z0-9_-]+$/.test(key)) return null;
  try {
    const raw = JSON.parse(Buffer.from(key, "base64url").toString("utf8")) as { q?: Record<string, unknown>; p?: unknown };
    const strings = Object.fromEntries(Object.entries(raw.q ?? {}).map(([k, v]) => [k, String(v)]));
    const { query } = parseListingQuery(strings);
    const problems = Array.isArray(raw.p) ? raw.p.filter((x): x is ListingProblem => x === "searchTooLong") : [];
    return { query, problems };
  } catch {
    return null;
  }
}
