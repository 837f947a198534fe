import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { getSiteAsset } from "@/lib/data/site-settings";
import { noteDatabaseError, RETRY_AFTER_SECONDS } from "@/lib/db-outage";
import { httpDate, isNotModified, strongEtag } from "@/lib/http/conditional";
import { plainText } from "@/lib/http/responses";
import { storage } from "@/lib/storage";
import type { SiteAssetKind } from "./types";

/** A link that names the image's bytes (`?v=`, siteAssetPath) may be kept for ever: new bytes get a new link. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Without the version, the same address may show another image tomorrow. */
const SHORT = "public, max-age=300";
/**
 * An uploaded SVG opened as a document runs nothing and loads nothing, even if
 * sanitizing had missed something: no script, no external resource, sandboxed.
 */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export type ServedImage = { mediaType: string; byteSize: number; sha256: string; modifiedAt: Date };

type Stored = NonNullable<Awaited<ReturnType<typeof getSiteAsset>>>;
export type FoundSiteAsset = { asset: Stored } | { problem: "none" | "unavailable" };

/**
 * The kind's uploaded image, if there is one whose stored bytes are the ones
 * recorded; "unavailable" when the database or storage cannot be asked now.
 */
export async function findSiteAsset(kind: SiteAssetKind): Promise<FoundSiteAsset> {
  let asset: Stored | null;
  try {
    asset = await getSiteAsset(kind);
  } catch (error) {
    if (noteDatabaseError(error)) return { problem: "unavailable" };
    throw error;
  }
  if (!asset) return { problem: "none" };
  try {
    const stored = await storage().stat(asset.storageKey);
    if (stored?.size === asset.byteSize) return { asset };
    console.error(
      `Site image ${kind}: stored file ${stored ? `has ${stored.size} bytes, expected ${asset.byteSize}` : "is missing"}`,
    );
    return { problem: "none" };
  } catch (error) {
    console.error(`Site image ${kind}: cannot read its stored file`, error);
    return { problem: "unavailable" };
  }
}

/** The headers of an image answer, or the 304 that makes a body needless. */
function imageHeaders(request: Request, image: ServedImage): { headers: Headers; notModified: boolean } {
  const version = new URL(request.url).searchParams.get("v");
  const validators = { etag: strongEtag(image.sha256), lastModified: image.modifiedAt };
  const headers = new Headers({
    ETag: validators.etag,
    "Last-Modified": httpDate(image.modifiedAt),
    "Cache-Control": version === image.sha256.slice(0, 12) ? IMMUTABLE : SHORT,
    "X-Content-Type-Options": "nosniff",
  });
  if (image.mediaType === "image/svg+xml") headers.set("Content-Security-Policy", SVG_POLICY);
  const notModified = isNotModified(request.headers, validators);
  if (!notModified) {
    headers.set("Content-Type", image.mediaType);
    headers.set("Content-Length", String(image.byteSize));
  }
  return { headers, notModified };
}

/** Answers with a stored site image (GET, or HEAD without `body`). */
export async function siteAssetResponse(request: Request, asset: Stored, { body }: { body: boolean }): Promise<Response> {
  const { headers, notModified } = imageHeaders(request, { ...asset, modifiedAt: asset.updatedAt });
  if (notModified) return new Response(null, { status: 304, headers });
  if (!body) return new Response(null, { status: 200, headers });
  let stream: Readable;
  try {
    stream = await storage().read(asset.storageKey);
  } catch (error) {
    console.error("A site image cannot be read from storage", error);
    return unavailable();
  }
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers });
}

/** Answers with bytes held in memory (the built-in favicon). */
export function bytesResponse(
  request: Request,
  image: { bytes: Buffer; mediaType: string; modifiedAt: Date },
  { body }: { body: boolean },
): Response {
  const sha256 = createHash("sha256").update(image.bytes).digest("hex");
  const { headers, notModified } = imageHeaders(request, { ...image, sha256, byteSize: image.bytes.length });
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(body ? new Uint8Array(image.bytes) : null, { status: 200, headers });
}

export function unavailable(): Response {
  return plainText(503, "The image cannot be served right now. Please try again in a minute.", {
    "Retry-After": String(RETRY_AFTER_SECONDS),
  });
}
