import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { getSiteSettings } from "@/lib/data/site-settings";
import { otherLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { pageAlternates } from "@/lib/seo/alternates";
import type { ListingProblem, ListingQuery } from "@/lib/validations/publications";
import { CatalogueView } from "./catalogue-view";

/** The catalogue's metadata; each page and filter of it is canonical to itself. */
export async function catalogueMetadata(locale: Locale, query: ListingQuery): Promise<Metadata> {
  const [t, site] = await Promise.all([getTranslations({ locale, namespace: "Listing" }), getSiteSettings()]);
  return {
    title: t("title"),
    description: t("description", { institution: site.institutionName[locale] }),
    alternates: pageAlternates(locale, "/publications", undefined, query),
  };
}

/** The whole catalogue page; served at /{locale}/publications, cached per query (lib/edge/routes.ts). */
export async function CataloguePage({
  locale,
  query,
  problems,
}: {
  locale: Locale;
  query: ListingQuery;
  problems: ListingProblem[];
}) {
  const [t, site] = await Promise.all([getTranslations("Listing"), getSiteSettings()]);
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/publications`} />
      <main id="main" className="page" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("description", { institution: site.institutionName[locale] })}</p>
        <CatalogueView locale={locale} basePath={`/${locale}/publications`} query={query} problems={problems} />
      </main>
    </>
  );
}
