// Whether uploaded bytes may become the site's logo, favicon or share image,
// decided by the bytes alone (never the file's name or declared type): the
// format and dimensions by image-size, an SVG by parsing it (jsdom), refusing
// anything that runs script or loads another resource, and storing what
// DOMPurify's SVG profile keeps. Pure: no storage, no database.
import createDOMPurify from "dompurify";
import { imageSize } from "image-size";
import { JSDOM } from "jsdom";
import { IMAGE_FORMATS, SITE_IMAGE_RULES, type ImageFormat } from "./image-rules";
import type { SiteAssetKind } from "./types";

export type SiteImageProblem =
  | { code: "empty" }
  | { code: "tooLarge"; limit: number }
  /** `found`: what the bytes are when the portal knows the format ("gif", "svg"), else null. */
  | { code: "type"; found: string | null }
  | { code: "corrupt" }
  | { code: "tooSmall"; width: number; height: number; min: number }
  | { code: "tooBig"; width: number; height: number; max: number }
  | { code: "svgMalformed" }
  | { code: "svgEntities" }
  | { code: "svgScript"; detail: string }
  | { code: "svgForeignObject" }
  | { code: "svgExternal"; reference: string };

export type PreparedSiteImage = {
  /** What to store: the upload itself, or for an SVG its sanitized copy. */
  bytes: Buffer;
  format: ImageFormat;
  mediaType: string;
  width: number | null;
  height: number | null;
};

export type SiteImageCheck = { ok: true; image: PreparedSiteImage } | { ok: false; problem: SiteImageProblem };

const refuse = (problem: SiteImageProblem): SiteImageCheck => ({ ok: false, problem });

/** Checks an upload for one kind of site image; the answer says what to store or why not. */
export function prepareSiteImage(kind: SiteAssetKind, input: Uint8Array): SiteImageCheck {
  const rule = SITE_IMAGE_RULES[kind];
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length === 0) return refuse({ code: "empty" });
  if (bytes.length > rule.maxBytes) return refuse({ code: "tooLarge", limit: rule.maxBytes });
  if (looksLikeMarkup(bytes)) {
    if (!rule.formats.includes("svg")) return refuse({ code: "type", found: "svg" });
    const svg = sanitizeSvg(bytes);
    if ("problem" in svg) return refuse(svg.problem);
    return { ok: true, image: { bytes: svg.bytes, format: "svg", mediaType: IMAGE_FORMATS.svg, ...svgSize(svg.bytes) } };
  }
  return checkRaster(bytes, rule.formats, rule.minSide, rule.maxSide);
}

// ---------------------------------------------------------------- raster images

const SIGNATURES: [ImageFormat, Buffer][] = [
  ["png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ["jpg", Buffer.from([0xff, 0xd8, 0xff])],
  ["ico", Buffer.from([0x00, 0x00, 0x01, 0x00])],
];

function checkRaster(bytes: Buffer, formats: readonly ImageFormat[], minSide: number, maxSide: number): SiteImageCheck {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    // A known signature whose header cannot be read is a damaged file, not another format.
    const signed = SIGNATURES.some(([, magic]) => bytes.subarray(0, magic.length).equals(magic));
    return refuse(signed ? { code: "corrupt" } : { code: "type", found: null });
  }
  const found = size.type ?? null;
  const format = formats.find((f) => f === found && f !== "svg");
  if (!format) return refuse({ code: "type", found });
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return refuse({ code: "corrupt" });
  if (format === "png" && !pngIsWhole(bytes)) return refuse({ code: "corrupt" });
  if (format === "ico" && !icoIsWhole(bytes)) return refuse({ code: "corrupt" });
  if (Math.min(width, height) < minSide) return refuse({ code: "tooSmall", width, height, min: minSide });
  if (Math.max(width, height) > maxSide) return refuse({ code: "tooBig", width, height, max: maxSide });
  return { ok: true, image: { bytes, format, mediaType: IMAGE_FORMATS[format], width, height } };
}

/** Every chunk of a PNG lies within the file and the last is IEND: a cut-off upload fails this. */
function pngIsWhole(bytes: Buffer): boolean {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    at += 12 + length;
    if (at > bytes.length) return false;
    if (type === "IEND") return true;
  }
  return false;
}

/** Every image an ICO's directory lists lies within the file. */
function icoIsWhole(bytes: Buffer): boolean {
  if (bytes.length < 6) return false;
  const count = bytes.readUInt16LE(4);
  if (count === 0 || 6 + count * 16 > bytes.length) return false;
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16;
    const size = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    if (size === 0 || offset + size > bytes.length) return false;
  }
  return true;
}

// ---------------------------------------------------------------- SVG

const SVG_NS = "http://www.w3.org/2000/svg";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

/** Raster formats begin with binary signatures; text beginning with "<" can only be markup. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, start + 1024); i++) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x3c;
  }
  return false;
}

function svgSize(bytes: Buffer): { width: number | null; height: number | null } {
  try {
    const { width, height } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height } : { width: null, height: null };
  } catch {
    // No width, height or viewBox: an SVG scales to wherever it is shown.
    return { width: null, height: null };
  }
}

/** Lowercase, without the white space and control characters browsers skip inside a URL scheme ("java\tscript:"). */
const squeezed = (value: string) => value.replace(/[\s\u0000-\u001f\u007f]+/g, "").toLowerCase();

const SCRIPT_SCHEME = /(?:java|vb)script:/;
// An embedded raster picture is part of the file; anything else a reference names is outside it.
const EMBEDDED_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi;

/** A reference as an error message quotes it: one line, at most 80 characters. */
function shorten(reference: string): string {
  const line = reference.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** A reference is internal when it names a fragment of this file or carries an embedded picture. */
function externalReference(reference: string): string | null {
  const value = reference.trim();
  if (value.startsWith("#") || EMBEDDED_IMAGE.test(squeezed(value))) return null;
  return shorten(value);
}

/** CSS with its escapes decoded, as a browser reads it: "u\72l(" is "url(". */
function cssUnescaped(css: string): string {
  return css.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([^\n0-9a-fA-F]))/g, (_match, hex?: string, char?: string) =>
    hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : (char ?? ""),
  );
}

// CSS functions that load another resource from a plain string, without url().
const CSS_LOADERS = ["image-set(", "src(", "@import"];

/** The first thing in a style sheet (attribute or element) or a presentation attribute that runs script or loads something. */
function cssProblem(value: string): SiteImageProblem | null {
  const css = cssUnescaped(value);
  const flat = squeezed(css);
  if (SCRIPT_SCHEME.test(flat) || flat.includes("expression(")) return { code: "svgScript", detail: shorten(css) };
  if (CSS_LOADERS.some((loader) => flat.includes(loader))) return { code: "svgExternal", reference: shorten(css) };
  for (const m of css.matchAll(CSS_URL)) {
    const external = externalReference(m[1] ?? m[2] ?? m[3] ?? "");
    if (external !== null) return { code: "svgExternal", reference: external };
  }
  return null;
}

/** The first element or attribute of the document that runs script, embeds HTML or refers outside the file. */
function unsafeContent(document: Document): SiteImageProblem | null {
  const walker = document.createTreeWalker(document, 0x1 | 0x40 /* elements, processing instructions */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 7) {
      const pi = node as ProcessingInstruction;
      // <?xml-stylesheet href="…"?> loads a style sheet; other instructions are dropped.
      if (pi.target.toLowerCase() === "xml-stylesheet") return { code: "svgExternal", reference: shorten(pi.data.trim()) };
      continue;
    }
    const element = node as Element;
    const name = element.localName.toLowerCase();
    if (name === "script" || name === "handler" || name === "listener")
      return { code: "svgScript", detail: `<${element.localName}>` };
    if (name === "foreignobject" || element.namespaceURI === XHTML_NS) return { code: "svgForeignObject" };
    if (name === "style") {
      const problem = cssProblem(element.textContent ?? "");
      if (problem) return problem;
    }
    for (const attribute of Array.from(element.attributes)) {
      const attr = attribute.localName.toLowerCase();
      if (attr.startsWith("on")) return { code: "svgScript", detail: `${attribute.name}="…"` };
      if (SCRIPT_SCHEME.test(squeezed(attribute.value))) return { code: "svgScript", detail: shorten(attribute.value.trim()) };
      if (attr === "href" || attr === "src") {
        const external = externalReference(attribute.value);
        if (external !== null) return { code: "svgExternal", reference: external };
      }
      // Presentation attributes (fill="url(…)") are CSS too.
      const problem = cssProblem(attribute.value);
      if (problem) return problem;
    }
  }
  return null;
}

const PURIFY_OPTIONS = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // <use> is left out of DOMPurify's profile for what it can point at; here every reference is already checked to be internal.
  ADD_TAGS: ["use"],
  IN_PLACE: true,
};

/**
 * An SVG as it may be stored: well-formed, without script, embedded HTML or
 * references outside itself (each refused, not quietly dropped, so the admin
 * learns the file is not what they thought), then cleaned by DOMPurify of
 * whatever else its SVG profile does not keep (editor metadata, comments).
 */
export function sanitizeSvg(bytes: Buffer): { bytes: Buffer } | { problem: SiteImageProblem } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: { code: "type", found: null } };
  }
  // Entity declarations can expand without bound or pull in files; no SVG from a drawing program needs them.
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>[]*\[/i.test(text)) return { problem: { code: "svgEntities" } };
  const { window } = new JSDOM("");
  try {
    const document = new window.DOMParser().parseFromString(text, "image/svg+xml");
    const root = document.documentElement;
    if (root.getElementsByTagName("parsererror").length > 0 || root.localName === "parsererror")
      return { problem: /<svg[\s>]/.test(text) ? { code: "svgMalformed" } : { code: "type", found: null } };
    if (root.localName !== "svg" || root.namespaceURI !== SVG_NS) return { problem: { code: "type", found: null } };
    const problem = unsafeContent(document);
    if (problem) return { problem };
    createDOMPurify(window).sanitize(root, PURIFY_OPTIONS);
    // What DOMPurify keeps is checked again: a refusal here would be a sanitizer surprise, not a pass.
    const after = unsafeContent(document);
    if (after) return { problem: after };
    const xml = new window.XMLSerializer().serializeToString(root);
    return { bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, "utf8") };
  } finally {
    window.close();
  }
}
