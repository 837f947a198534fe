import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { NextIntlClientProvider, hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { getSiteSettings } from "@/lib/data/site-settings";
import { env } from "@/lib/env";
import { siteAssetPath } from "@/lib/site-settings/asset-paths";
import { SiteFooter } from "@/components/site-footer";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const site = await getSiteSettings();
  const title = site.siteTitle[locale];
  const { favicon, shareImage } = site.assets;
  return {
    metadataBase: new URL(env().APP_URL),
    title: { default: title, template: `%s | ${title}` },
    description: site.tagline[locale] || site.institutionName[locale],
    // Versioned, so a new upload reaches browsers that keep the old icon.
    icons: { icon: favicon ? { url: `/favicon.ico?v=${favicon.version}`, type: favicon.mediaType } : "/favicon.ico" },
    // The institution's share image for every page without one of its own (a paper has its card).
    openGraph: {
      siteName: title,
      locale: locale === "ko" ? "ko_KR" : "en_US",
      images: shareImage
        ? [
            {
              url: siteAssetPath("shareImage", shareImage),
              width: shareImage.width ?? undefined,
              height: shareImage.height ?? undefined,
            },
          ]
        : undefined,
    },
    twitter: shareImage ? { card: "summary_large_image", images: [siteAssetPath("shareImage", shareImage)] } : undefined,
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Site" });
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {/* The locale for client components; the few with strings of their own get them where they are used
            (the Send Email dialog, the alerts forms, the staff pages), so other pages carry none. */}
        <NextIntlClientProvider messages={null}>{children}</NextIntlClientProvider>
        <SiteFooter />
      </body>
    </html>
  );
}
