// What each site image may be: read by the server's check (images.ts) and by
// the settings page, which refuses an oversize file before sending it.
import { SITE_ASSET_SLUGS } from "./asset-paths";
import { SITE_ASSET_KINDS, type SiteAssetKind } from "./types";

/** The formats the portal recognizes by their bytes, with the media type it serves each as. */
export const IMAGE_FORMATS = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  ico: "image/x-icon",
} as const;
export type ImageFormat = keyof typeof IMAGE_FORMATS;

export type SiteImageRule = {
  formats: readonly ImageFormat[];
  maxBytes: number;
  /** Smallest width and height in pixels (SVG, which scales, is not held to it). */
  minSide: number;
  /** Largest width and height in pixels of a raster image: readers' browsers decode it. */
  maxSide: number;
};

const KB = 1024;

export const SITE_IMAGE_RULES: Record<SiteAssetKind, SiteImageRule> = {
  logo: { formats: ["svg", "png"], maxBytes: 512 * KB, minSide: 16, maxSide: 4096 },
  favicon: { formats: ["png", "ico", "svg"], maxBytes: 256 * KB, minSide: 16, maxSide: 1024 },
  // Link previews (Open Graph, KakaoTalk, X) ignore images smaller than 200 × 200.
  shareImage: { formats: ["png", "jpg"], maxBytes: 2048 * KB, minSide: 200, maxSide: 4096 },
};

const EXTENSIONS: Record<ImageFormat, string> = { svg: ".svg", png: ".png", jpg: ".jpg,.jpeg", ico: ".ico" };

/** The file picker's filter; only a hint to the browser, the bytes decide. */
export function acceptOf(kind: SiteAssetKind): string {
  return SITE_IMAGE_RULES[kind].formats.map((f) => `${IMAGE_FORMATS[f]},${EXTENSIONS[f]}`).join(",");
}

/** The kind an image's URL segment names ("share-image"), or null. */
export function siteAssetKindOfSlug(slug: string): SiteAssetKind | null {
  return SITE_ASSET_KINDS.find((k) => SITE_ASSET_SLUGS[k] === slug) ?? null;
}
