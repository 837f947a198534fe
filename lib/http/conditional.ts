// Validators and conditional requests (RFC 9110 §8.8 and §13).

/** Strong entity tag from the stored SHA-256: an attachment's bytes never change under its id. */
export function strongEtag(sha256: string): string {
  return `"${sha256}"`;
}

/** IMF-fixdate, e.g. "Tue, 31 Dec 2024 00:00:00 GMT". */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

export type Validators = { etag: string; lastModified: Date };

const ENTITY_TAG = /(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"/g;

function entityTags(header: string): string[] {
  return header.match(ENTITY_TAG) ?? [];
}

const opaque = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/** HTTP dates have whole seconds; a stored time with milliseconds must compare as its second. */
const wholeSeconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

function parseHttpDate(value: string): number | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

/**
 * True when a GET or HEAD may answer 304: If-None-Match (weak comparison)
 * wins over If-Modified-Since, which is ignored when it is not a date.
 */
export function isNotModified(headers: Headers, { etag, lastModified }: Validators): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() === "*") return true;
    return entityTags(ifNoneMatch).some((tag) => opaque(tag) === opaque(etag));
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = parseHttpDate(ifModifiedSince);
  return since !== null && wholeSeconds(lastModified) <= since;
}

/**
 * Whether a Range header may be honoured: without If-Range, yes; with one, only
 * when it names the current representation by strong ETag or exact Last-Modified.
 */
export function ifRangeMatches(ifRange: string | null, { etag, lastModified }: Validators): boolean {
  if (ifRange === null) return true;
  const value = ifRange.trim();
  if (value.startsWith("W/")) return false;
  if (value.startsWith('"')) return value === etag;
  const date = parseHttpDate(value);
  return date !== null && date === wholeSeconds(lastModified);
}
