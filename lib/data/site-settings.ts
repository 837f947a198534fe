import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_SITE_SETTINGS } from "@/lib/site-settings/defaults";
import { SOCIAL_NETWORKS, type SiteAssetKind, type SiteSettings, type SocialLink } from "@/lib/site-settings/types";
import type { SiteSettingsInput } from "@/lib/validations/site-settings";
import { cachedQuery } from "./cached-query";

/** Dropped when an admin saves the settings or an image (lib/revalidation/reader-pages.ts). */
export const SITE_SETTINGS_TAG = "site-settings";

/** The stored social links, keeping only well-formed entries (the column is JSON the database does not check). */
function socialLinksOf(value: unknown): SocialLink[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== "object" || v === null) return [];
    const { network, url } = v as Record<string, unknown>;
    return SOCIAL_NETWORKS.includes(network as SocialLink["network"]) && typeof url === "string"
      ? [{ network: network as SocialLink["network"], url }]
      : [];
  });
}

async function readSiteSettings(): Promise<SiteSettings> {
  const [row, assets] = await Promise.all([
    db.siteSettings.findUnique({ where: { id: 1 } }),
    db.siteAsset.findMany({ select: { kind: true, mediaType: true, width: true, height: true, sha256: true } }),
  ]);
  const refs: SiteSettings["assets"] = {};
  for (const a of assets)
    refs[a.kind] = { mediaType: a.mediaType, width: a.width, height: a.height, version: a.sha256.slice(0, 12) };
  if (!row) return { ...DEFAULT_SITE_SETTINGS, assets: refs };
  return {
    institutionName: { ko: row.institutionNameKo, en: row.institutionNameEn },
    shortName: { ko: row.shortNameKo, en: row.shortNameEn },
    siteTitle: { ko: row.siteTitleKo, en: row.siteTitleEn },
    tagline: { ko: row.taglineKo, en: row.taglineEn },
    address: { ko: row.addressKo, en: row.addressEn },
    phone: row.phone,
    email: row.email,
    websiteUrl: row.websiteUrl,
    socialLinks: socialLinksOf(row.socialLinks),
    privacy: { ko: row.privacyKo, en: row.privacyEn },
    accessibility: { ko: row.accessibilityKo, en: row.accessibilityEn },
    assets: refs,
    updatedAt: row.updatedAt.toISOString(),
  };
}

// Every reader page asks (header, footer, metadata), so it is cached until an admin saves.
const cachedSiteSettings = cachedQuery(readSiteSettings, ["site-settings"], { revalidate: 30, tags: [SITE_SETTINGS_TAG] });

/** The institution's identity as readers see it; the neutral defaults until an admin saves. */
export async function getSiteSettings(): Promise<SiteSettings> {
  // Builds must not need the database: pages prerendered at build get the
  // institution's settings when a save (or the first request) revalidates them.
  if (process.env.NEXT_PHASE === "phase-production-build") return DEFAULT_SITE_SETTINGS;
  return cachedSiteSettings();
}

/** An uploaded image's bytes' whereabouts, for its route; null when none was uploaded. */
export async function getSiteAsset(kind: SiteAssetKind) {
  return db.siteAsset.findUnique({
    where: { kind },
    select: { storageKey: true, mediaType: true, byteSize: true, sha256: true, updatedAt: true },
  });
}

// ---------------------------------------------------------------- editing (admins, /{locale}/admin/settings)

const editableSelect = {
  institutionNameKo: true,
  institutionNameEn: true,
  shortNameKo: true,
  shortNameEn: true,
  siteTitleKo: true,
  siteTitleEn: true,
  taglineKo: true,
  taglineEn: true,
  addressKo: true,
  addressEn: true,
  phone: true,
  email: true,
  websiteUrl: true,
  socialLinks: true,
  privacyKo: true,
  privacyEn: true,
  accessibilityKo: true,
  accessibilityEn: true,
} as const satisfies Record<keyof SiteSettingsInput, true>;

/** The neutral defaults as the form's fields: what readers see before the first save. */
function defaultFields(): SiteSettingsInput {
  const d = DEFAULT_SITE_SETTINGS;
  return {
    institutionNameKo: d.institutionName.ko,
    institutionNameEn: d.institutionName.en,
    shortNameKo: d.shortName.ko,
    shortNameEn: d.shortName.en,
    siteTitleKo: d.siteTitle.ko,
    siteTitleEn: d.siteTitle.en,
    taglineKo: d.tagline.ko,
    taglineEn: d.tagline.en,
    addressKo: d.address.ko,
    addressEn: d.address.en,
    phone: d.phone,
    email: d.email,
    websiteUrl: d.websiteUrl,
    socialLinks: d.socialLinks,
    privacyKo: d.privacy.ko,
    privacyEn: d.privacy.en,
    accessibilityKo: d.accessibility.ko,
    accessibilityEn: d.accessibility.en,
  };
}

type EditableRow = Prisma.SiteSettingsGetPayload<{ select: typeof editableSelect }>;
const fieldsOf = ({ socialLinks, ...row }: EditableRow): SiteSettingsInput => ({
  ...row,
  socialLinks: socialLinksOf(socialLinks),
});

/** The settings as stored, uncached, for the admin's form; the defaults (and no date) before the first save. */
export async function getSiteSettingsForEdit(): Promise<{ fields: SiteSettingsInput; updatedAt: Date | null }> {
  const row = await db.siteSettings.findUnique({ where: { id: 1 }, select: { ...editableSelect, updatedAt: true } });
  if (!row) return { fields: defaultFields(), updatedAt: null };
  const { updatedAt, ...fields } = row;
  return { fields: fieldsOf(fields), updatedAt };
}

/** Saves the settings (the one row, created on the first save); returns them as readers saw them before. */
export async function saveSiteSettingsRecord(input: SiteSettingsInput): Promise<SiteSettingsInput> {
  return db.$transaction(async (tx) => {
    const before = await tx.siteSettings.findUnique({ where: { id: 1 }, select: editableSelect });
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    return before ? fieldsOf(before) : defaultFields();
  });
}

/** An uploaded image's stored bytes and facts. */
export type SiteAssetFile = {
  storageKey: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
};

const assetFileSelect = {
  storageKey: true,
  mediaType: true,
  byteSize: true,
  sha256: true,
  width: true,
  height: true,
} as const satisfies Record<keyof SiteAssetFile, true>;

/** Each uploaded image's facts, for the settings page. */
export async function listSiteAssetsForEdit() {
  const rows = await db.siteAsset.findMany({
    select: { kind: true, mediaType: true, byteSize: true, sha256: true, width: true, height: true, updatedAt: true },
  });
  return Object.fromEntries(rows.map(({ kind, ...facts }) => [kind, facts])) as Partial<
    Record<SiteAssetKind, Omit<(typeof rows)[number], "kind">>
  >;
}

// Two uploads of the same kind at once take turns, so each learns which object it replaced.
const lockKind = (tx: Prisma.TransactionClient, kind: SiteAssetKind) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`site-asset:${kind}`}))`;

/** Points the kind at newly stored bytes; returns the file it pointed at before (null when there was none). */
export async function putSiteAssetRecord(kind: SiteAssetKind, file: SiteAssetFile): Promise<SiteAssetFile | null> {
  return db.$transaction(async (tx) => {
    await lockKind(tx, kind);
    const before = await tx.siteAsset.findUnique({ where: { kind }, select: assetFileSelect });
    await tx.siteAsset.upsert({ where: { kind }, create: { kind, ...file }, update: file });
    return before;
  });
}

/** Forgets the kind's image; returns the file it pointed at (null when there was none). */
export async function deleteSiteAssetRecord(kind: SiteAssetKind): Promise<SiteAssetFile | null> {
  return db.$transaction(async (tx) => {
    await lockKind(tx, kind);
    const before = await tx.siteAsset.findUnique({ where: { kind }, select: assetFileSelect });
    if (before) await tx.siteAsset.delete({ where: { kind } });
    return before;
  });
}
