import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteTextPage } from "@/components/site-text-page";
import { getSiteSettings } from "@/lib/data/site-settings";
import { isLocale } from "@/lib/i18n/routing";
import { pageAlternates } from "@/lib/seo/alternates";
import { DEFAULT_PRIVACY } from "@/lib/site-settings/defaults";

type Props = PageProps<"/[locale]/privacy">;

// Rendered per request: the text is the admins' (cached in the data layer), and a build has no database to read it from.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "SitePages" });
  return { title: t("privacyTitle"), alternates: pageAlternates(locale, "/privacy") };
}

/** The privacy policy (개인정보처리방침), linked from every page's footer. */
export default async function PrivacyPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, site] = await Promise.all([getTranslations("SitePages"), getSiteSettings()]);
  return (
    <SiteTextPage
      locale={locale}
      path="/privacy"
      title={t("privacyTitle")}
      markdown={site.privacy[locale] || DEFAULT_PRIVACY[locale]}
    />
  );
}
