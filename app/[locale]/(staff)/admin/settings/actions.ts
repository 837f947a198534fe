"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { authorizeAction } from "@/lib/auth/session";
import { diffFields, recordAudit } from "@/lib/data/audit";
import { saveSiteSettingsRecord } from "@/lib/data/site-settings";
import { localeOrDefault } from "@/lib/i18n/routing";
import { revalidateSitePages } from "@/lib/revalidation/reader-pages";
import { removeSiteImage } from "@/lib/site-settings/assets";
import { SITE_ASSET_KINDS } from "@/lib/site-settings/types";
import { siteSettingsFormValues, siteSettingsSchema } from "@/lib/validations/site-settings";

// Uploading an image is not an action: its bytes go to PUT /api/site/{kind}
// (app/api/site/[kind]/route.ts), past the server actions' 1 MB body limit.

async function tFor(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "SettingsAdmin" });
}

function revalidateAll(locale: string) {
  revalidateSitePages();
  revalidatePath(`/${locale}/admin/settings`);
}

/** Saves the institution's names, contact, links and reader pages; readers see them within seconds. */
export async function saveSiteSettings(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const parsed = siteSettingsSchema.safeParse(siteSettingsFormValues(formData));
  if (!parsed.success) return invalidForm(t("fixErrors"), parsed.error.issues, (c) => t(`errors.${c}` as "errors.required"));
  // 2. Authorize.
  const user = await authorizeAction("settings:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const before = await saveSiteSettingsRecord(parsed.data);
  await recordAudit({
    userId: user.id,
    action: "update",
    entityType: "site-settings",
    entityId: 1,
    changes: diffFields(before, parsed.data),
  });
  // 4. Revalidate.
  revalidateAll(locale);
  return { ok: true, message: t("saved") };
}

const kindSchema = z.enum(SITE_ASSET_KINDS);

/** Removes the logo, favicon or share image; the portal falls back to its default (none, or its built-in icon). */
export async function removeSiteImageAction(locale: string, kindParam: string, _prev: ActionState): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const kind = kindSchema.safeParse(kindParam);
  if (!kind.success) return { ok: false, message: t("images.nothingToRemove") };
  // 2. Authorize.
  const user = await authorizeAction("settings:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const removed = await removeSiteImage(kind.data);
  if (!removed) return { ok: false, message: t("images.nothingToRemove") };
  await recordAudit({
    userId: user.id,
    action: "remove",
    entityType: "site-asset",
    entityId: kind.data,
    changes: diffFields(
      { mediaType: removed.mediaType, byteSize: removed.byteSize, sha256: removed.sha256 },
      { mediaType: null, byteSize: null, sha256: null },
    ),
  });
  // 4. Revalidate.
  revalidateAll(locale);
  return { ok: true, message: t("images.removed") };
}
