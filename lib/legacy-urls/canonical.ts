/**
 * One canonical form for an old site's address, shared by the importer (which
 * stores it) and the server (which looks a request up in it): the decoded path,
 * and the identifying query parameters sorted by name, so parameter order and
 * extra (tracking) parameters never change the match.
 */

export type CanonicalLegacyUrl = {
  /** Decoded path, e.g. "/board/view.do". */
  path: string;
  /** The parameters' names, form-encoded, sorted and comma-joined, e.g. "menu,seq" ("" for none). */
  paramNames: string;
  /** Those parameters with their values, form-encoded in the same order, e.g. "menu=2&seq=12345". */
  query: string;
};

/** A parsed address: its decoded path, and the first value of each query parameter, both canonically encoded. */
export type LegacyAddress = { path: string; values: ReadonlyMap<string, string> };

/** Longer than any old link worth keeping, and short enough for a btree index entry. */
const MAX_LENGTH = 2000;
const BASE = "http://legacy.invalid";

/**
 * One query component ("seq", "%ED%95%9C", "a+b") in one encoding: form
 * encoding of its decoded text ("a b" → "a+b", "," → "%2C"). Bytes that are
 * not UTF-8 (an old Korean site's EUC-KR) cannot be decoded without loss, so
 * they are kept as sent, escapes upper-cased: they match byte for byte.
 */
function canonicalComponent(raw: string): string {
  try {
    return new URLSearchParams([["", decodeURIComponent(raw.replace(/\+/g, " "))]]).toString().slice(1);
  } catch {
    return raw
      .replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())
      .replace(/[^A-Za-z0-9%*._+-]/g, (c) => encodeURIComponent(c));
  }
}

/**
 * An old address ("/board/view.do?seq=12345", or an absolute http(s) URL whose
 * host is dropped) read as a path and its parameters; null when malformed.
 * A repeated parameter counts once, its first value, as everywhere in the portal.
 */
export function parseLegacyAddress(raw: string): LegacyAddress | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) return null;
  const absolute = /^https?:\/\//i.test(text);
  if (!absolute && (!text.startsWith("/") || text.startsWith("//") || text.startsWith("/\\"))) return null;
  let url: URL;
  try {
    url = new URL(text, BASE);
  } catch {
    return null;
  }
  if (!absolute && url.origin !== BASE) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null; // "%zz" or a path that is not UTF-8: the edge refuses such requests with 400 anyway
  }
  if (path.includes("\u0000")) return null;
  const values = new Map<string, string>();
  for (const pair of url.search.slice(1).split("&")) {
    const at = pair.indexOf("=");
    const name = canonicalComponent(at === -1 ? pair : pair.slice(0, at));
    if (name !== "" && !values.has(name)) values.set(name, canonicalComponent(at === -1 ? "" : pair.slice(at + 1)));
  }
  return { path, values };
}

/** The canonical form of the given parameters of an address; null when one of them is missing. */
function canonicalOf(address: LegacyAddress, names: readonly string[]): CanonicalLegacyUrl | null {
  const pairs: string[] = [];
  for (const name of [...names].sort(byCodeUnit)) {
    const value = address.values.get(name);
    if (value === undefined) return null;
    pairs.push(`${name}=${value}`);
  }
  const query = pairs.join("&");
  if (address.path.length + query.length > MAX_LENGTH) return null;
  return { path: address.path, paramNames: [...names].sort(byCodeUnit).join(","), query };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The stored form of an old address, every parameter it carries taken as
 * identifying; null when malformed. The importer calls exactly this.
 */
export function canonicalLegacyUrl(raw: string): CanonicalLegacyUrl | null {
  const address = parseLegacyAddress(raw);
  return address && canonicalOf(address, [...address.values.keys()]);
}

/**
 * The lookups a request can match, given the parameter sets stored for its
 * path: one per set whose parameters the request all carries, most
 * identifying parameters first (that match wins).
 */
export function candidateLookups(address: LegacyAddress, paramSets: readonly string[]): CanonicalLegacyUrl[] {
  const candidates: CanonicalLegacyUrl[] = [];
  for (const set of new Set(paramSets)) {
    const candidate = canonicalOf(address, set === "" ? [] : set.split(","));
    if (candidate) candidates.push(candidate);
  }
  return candidates.sort((a, b) => countOf(b.paramNames) - countOf(a.paramNames) || byCodeUnit(a.paramNames, b.paramNames));
}

function countOf(paramNames: string): number {
  return paramNames === "" ? 0 : paramNames.split(",").length;
}
