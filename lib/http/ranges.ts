import parseRange from "range-parser";

export type RangeSelection = { kind: "whole" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

// A longer header is not a range request anyone needs; parsing it is work for nothing.
const MAX_HEADER_LENGTH = 256;
const WHOLE: RangeSelection = { kind: "whole" };

/**
 * What to send for a Range header (RFC 9110 §14.2): one byte range → 206;
 * nothing satisfiable → 416; anything else (absent, malformed, another unit,
 * several ranges) → the whole file, which the RFC allows.
 */
export function selectRange(size: number, header: string | null): RangeSelection {
  if (header === null || header.length > MAX_HEADER_LENGTH || size === 0) return WHOLE;
  const eq = header.indexOf("=");
  if (eq === -1 || header.slice(0, eq).trim().toLowerCase() !== "bytes") return WHOLE;
  const parsed = parseRange(size, header, { combine: true });
  if (parsed === -2) return WHOLE;
  if (parsed === -1) {
    // range-parser calls "bytes=-N" with N > size unsatisfiable; the RFC says it selects the whole file.
    return isNonZeroSuffix(header.slice(eq + 1)) ? { kind: "partial", start: 0, end: size - 1 } : { kind: "unsatisfiable" };
  }
  const [range] = parsed;
  if (!range || parsed.length > 1) return WHOLE;
  return { kind: "partial", start: range.start, end: range.end };
}

/** Called only after range-parser accepted the syntax, so a leading "-" means one suffix range. */
function isNonZeroSuffix(spec: string): boolean {
  const trimmed = spec.trim();
  return trimmed.startsWith("-") && !trimmed.includes(",") && Number(trimmed.slice(1)) > 0;
}

export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** The Content-Range of a 416 answer. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}
