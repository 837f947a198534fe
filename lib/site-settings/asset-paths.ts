import type { SiteAssetKind, SiteAssetRef } from "./types";

/** The URL segment of each kind of site image (app/api/site/[kind]/route.ts). */
export const SITE_ASSET_SLUGS: Record<SiteAssetKind, string> = {
  logo: "logo",
  favicon: "favicon",
  shareImage: "share-image",
};

/**
 * Where pages link an uploaded image: versioned by its bytes, so browsers may
 * keep it for ever and a new upload is a new address. The favicon also
 * answers at /favicon.ico, where browsers look without being told.
 */
export function siteAssetPath(kind: SiteAssetKind, ref: SiteAssetRef): string {
  return `/api/site/${SITE_ASSET_SLUGS[kind]}?v=${ref.version}`;
}
