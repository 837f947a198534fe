import { parseListingQuery, type ListingProblem, type ListingQuery } from "./publications";

const MAX_KEY = 200;

/** `?q=a&q=b` searches "a": the first value of a repeated key wins, here as in the pages (firstValues). */
function firstOfEach(params: URLSearchParams): Record<string, string> {
  const first: Record<string, string> = {};
  for (const [key, value] of params) if (!Object.hasOwn(first, key)) first[key] = value;
  return first;
}

/**
 * The catalogue's query string, validated and written in one canonical form
 * that fits in a URL segment: the key under which its rendered page is cached.
 * Null when the canonical form is too long to serve as a cache key.
 */
export function listingKey(params: URLSearchParams): string | null {
  const { query, problems } = parseListingQuery(firstOfEach(params));
  const key = Buffer.from(JSON.stringify({ q: Object.fromEntries(canonicalEntries(query)), p: problems })).toString("base64url");
  return key.length <= MAX_KEY ? key : null;
}

/** A parsed query's values in one canonical order (keys sorted), unset ones left out. */
function canonicalEntries(query: Partial<ListingQuery>): [string, string | number][] {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The same canonical form as a query string ("" or "?page=2&series=x"), for
 * canonical links: two URLs that show the same listing get the same one.
 * Page 1 is left out, as the pages' own links leave it out.
 */
export function listingSearch(query: Partial<ListingQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of canonicalEntries(query)) if (!(key === "page" && value === 1)) params.append(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : "";
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
