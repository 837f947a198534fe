import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { CatalogueView } from "@/components/catalogue/catalogue-view";
import { parseListingQuery } from "@/lib/validations/publications";
import { isLocale } from "@/lib/i18n/routing";
import { otherLocale } from "@/lib/i18n/localized";
import { pageAlternates } from "@/lib/seo/alternates";

type Props = PageProps<"/[locale]/publications">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Listing" });
  return { title: t("title"), description: t("description"), alternates: pageAlternates(locale, "/publications") };
}

export default async function PublicationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { query, problems } = parseListingQuery(await searchParams);
  const t = await getTranslations("Listing");
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/publications`} />
      <main id="main" className="page" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("description")}</p>
        <CatalogueView locale={locale} basePath={`/${locale}/publications`} query={query} problems={problems} />
      </main>
    </>
  );
}
