import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/state";
import { authorizeRequest } from "@/lib/auth/session";
import { diffFields, recordAudit } from "@/lib/data/audit";
import type { SiteAssetFile } from "@/lib/data/site-settings";
import { notFoundText } from "@/lib/http/responses";
import { localeOrDefault } from "@/lib/i18n/routing";
import { revalidateSitePages } from "@/lib/revalidation/reader-pages";
import { imageProblemMessage } from "@/lib/site-settings/image-messages";
import { siteAssetKindOfSlug } from "@/lib/site-settings/image-rules";
import { findSiteAsset, siteAssetResponse, unavailable } from "@/lib/site-settings/serve";
import { uploadSiteImage } from "@/lib/site-settings/upload";
import { jsonResponse } from "@/lib/uploads/respond";

// The site's logo, favicon and share image: GET and HEAD for everyone (pages
// link them as /api/site/{kind}?v={version}), PUT for admins to upload one.
type Context = { params: Promise<{ kind: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return serve(request, context, { body: true });
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  return serve(request, context, { body: false });
}

async function serve(request: Request, { params }: Context, { body }: { body: boolean }): Promise<Response> {
  const kind = siteAssetKindOfSlug((await params).kind);
  if (!kind) return notFoundText();
  const found = await findSiteAsset(kind);
  if ("problem" in found) return found.problem === "none" ? notFoundText() : unavailable();
  return siteAssetResponse(request, found.asset, { body });
}

const facts = (file: SiteAssetFile | null) =>
  file ? { mediaType: file.mediaType, byteSize: file.byteSize, sha256: file.sha256, width: file.width, height: file.height } : {};

/**
 * Uploads the kind's image: the raw body is the file (`?locale=` names the
 * language of the answer, an ActionState as the settings page's forms show it).
 * A new image replaces the old one, which is then deleted.
 */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const locale = localeOrDefault(new URL(request.url).searchParams.get("locale"));
  const t = await getTranslations({ locale, namespace: "SettingsAdmin" });
  const kind = siteAssetKindOfSlug((await params).kind);
  if (!kind) return notFoundText();
  // 1. Authorize, before a byte of the body is read.
  const user = await authorizeRequest("settings:manage");
  if (user instanceof Response) {
    const message = user.status === 401 ? t("images.errors.signedOut") : t("forbidden");
    return jsonResponse({ ok: false, message } satisfies ActionState, user.status);
  }
  // 2. Parse (the bytes decide what the file is) and 3. act.
  const upload = await uploadSiteImage(kind, request);
  if (!upload.ok) {
    const { key, values } = imageProblemMessage(upload.problem, locale);
    const error = t(key, { ...values, types: t(`images.types.${kind}`) });
    return jsonResponse(
      { ok: false, message: t("fixErrors"), fieldErrors: { file: [error] } } satisfies ActionState,
      upload.status,
    );
  }
  const { before, after } = upload.stored;
  await recordAudit({
    userId: user.id,
    action: before ? "replace" : "upload",
    entityType: "site-asset",
    entityId: kind,
    changes: diffFields(facts(before), facts(after)),
  });
  // 4. Revalidate.
  revalidateSitePages();
  revalidatePath(`/${locale}/admin/settings`);
  return jsonResponse({ ok: true, message: t("images.uploaded") } satisfies ActionState);
}
