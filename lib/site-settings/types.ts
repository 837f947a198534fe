// What readers see of the institution: its names, contact, links, reader
// pages and images. Read through lib/data/site-settings.ts; edited by admins
// at /{locale}/admin/settings.
import type { Locale } from "@/lib/i18n/routing";

export type Localized = Record<Locale, string>;

/** The social networks a footer link can name; "other" shows the address's host. */
export const SOCIAL_NETWORKS = [
  "x",
  "facebook",
  "instagram",
  "youtube",
  "linkedin",
  "threads",
  "bluesky",
  "naver-blog",
  "kakao-channel",
  "other",
] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialLink = { network: SocialNetwork; url: string };

export const SITE_ASSET_KINDS = ["logo", "favicon", "shareImage"] as const;
export type SiteAssetKind = (typeof SITE_ASSET_KINDS)[number];

/** An uploaded image as pages link to it; `version` changes with its bytes, so links can be cached for ever. */
export type SiteAssetRef = { mediaType: string; width: number | null; height: number | null; version: string };

export type SiteSettings = {
  institutionName: Localized;
  shortName: Localized;
  siteTitle: Localized;
  tagline: Localized;
  address: Localized;
  phone: string;
  email: string;
  websiteUrl: string;
  socialLinks: SocialLink[];
  /** Markdown; empty means the portal's own default text (lib/site-settings/defaults.ts). */
  privacy: Localized;
  accessibility: Localized;
  assets: Partial<Record<SiteAssetKind, SiteAssetRef>>;
  /** ISO time of the last save (a string: the cached copy is JSON); null until an admin first saves. */
  updatedAt: string | null;
};
