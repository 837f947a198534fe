import { create } from "content-disposition";

// C0/C1 controls and bidi overrides: never in a header, and an RTL override can disguise an extension.
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const PATH_SEPARATORS = /[/\\]/g;

/** The name a reader's browser should save: NFC, one line, no path separators. */
export function safeFileName(name: string): string {
  const cleaned = name.normalize("NFC").replace(UNSAFE_CHARACTERS, " ").replace(PATH_SEPARATORS, "_").replace(/\s+/g, " ").trim();
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "download" : cleaned;
}

/**
 * A printable-ASCII stand-in for old clients that ignore `filename*`: accents
 * dropped, other non-ASCII runs become "_", and characters that clients
 * treat inconsistently inside a quoted string (`"`, `%XX`) are replaced.
 */
export function asciiFileName(name: string): string {
  const safe = safeFileName(name);
  const ascii = safe
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]+(?: +[^\x20-\x7e]+)*/g, "_")
    .replace(/"/g, "'")
    .replace(/%(?=[0-9A-Fa-f]{2})/g, "_")
    .replace(/_+/g, "_")
    .trim();
  const dot = ascii.lastIndexOf(".");
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,10}$/.test(ascii.slice(dot)) ? ascii.slice(dot) : "";
  const stem = extension ? ascii.slice(0, dot) : ascii;
  return /[A-Za-z0-9]/.test(stem) ? ascii : `download${extension}`;
}

/**
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded NFC>`, so
 * browsers save the original (e.g. Korean) name and older clients a readable
 * one; with `inline`, the same names for a file the browser should show (its
 * PDF viewer, which honours `#page=N`) rather than save.
 */
export function attachmentDisposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const name = safeFileName(fileName);
  return create(name, { type, fallback: asciiFileName(name) });
}
