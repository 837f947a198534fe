import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { getSiteSettingsForEdit, listSiteAssetsForEdit } from "@/lib/data/site-settings";
import { formatBytes, siteDateTimeFormat } from "@/lib/format";
import { clientMessages } from "@/lib/i18n/client-messages";
import { siteAssetPath } from "@/lib/site-settings/asset-paths";
import { SITE_ASSET_KINDS } from "@/lib/site-settings/types";
import { removeSiteImageAction, saveSiteSettings } from "./actions";
import { SettingsForm } from "./_components/settings-form";
import { SiteImageForm } from "./_components/site-image-form";

const TYPE_NAMES: Record<string, string> = {
  "image/svg+xml": "SVG",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/x-icon": "ICO",
};

export default async function AdminSettingsPage({ params }: PageProps<"/[locale]/admin/settings">) {
  const { locale } = await params;
  await requirePagePermission("settings:manage", locale, `/${locale}/admin/settings`);
  const [t, { fields, updatedAt }, assets, messages] = await Promise.all([
    getTranslations("SettingsAdmin"),
    getSiteSettingsForEdit(),
    listSiteAssetsForEdit(),
    // This page's client components read their own namespace only.
    clientMessages(["SettingsAdmin"]),
  ]);
  const dateTime = siteDateTimeFormat(locale);
  const current = (kind: (typeof SITE_ASSET_KINDS)[number]) => {
    const a = assets[kind];
    if (!a) return null;
    return {
      src: siteAssetPath(kind, { ...a, version: a.sha256.slice(0, 12) }),
      facts: [
        t("images.facts", { type: TYPE_NAMES[a.mediaType] ?? a.mediaType, size: formatBytes(a.byteSize, locale) }),
        ...(a.width && a.height ? [t("images.dimensions", { width: a.width, height: a.height })] : []),
        t("images.uploadedOn", { date: dateTime.format(a.updatedAt) }),
      ],
    };
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="form__note">{updatedAt ? t("lastSaved", { date: dateTime.format(updatedAt) }) : t("neverSaved")}</p>
      <NextIntlClientProvider messages={messages}>
        <section aria-labelledby="settings-identity">
          <h2 id="settings-identity">{t("identityTitle")}</h2>
          <SettingsForm action={saveSiteSettings.bind(null, locale)} initial={fields} />
        </section>
        <section aria-labelledby="settings-images">
          <h2 id="settings-images">{t("images.title")}</h2>
          <p>{t("images.help")}</p>
          {SITE_ASSET_KINDS.map((kind) => (
            <SiteImageForm
              key={kind}
              kind={kind}
              current={current(kind)}
              removeAction={removeSiteImageAction.bind(null, locale, kind)}
            />
          ))}
        </section>
      </NextIntlClientProvider>
    </>
  );
}
