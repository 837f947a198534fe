import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { PublicationList } from "@/components/publication-list";
import { Pagination } from "@/components/pagination";
import { listPublications } from "@/lib/data/publications";
import { firstValues, listingQuerySchema } from "@/lib/validations/publications";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { otherLocale } from "@/lib/i18n/localized";

export async function generateMetadata({ params }: PageProps<"/[locale]/publications">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "Listing" });
  return {
    title: t("title"),
    description: t("description"),
    alternates: {
      canonical: `/${locale}/publications`,
      languages: { ko: "/ko/publications", en: "/en/publications" },
    },
  };
}

export default async function PublicationsPage({ params, searchParams }: PageProps<"/[locale]/publications">) {
  const { locale } = await params;
  if (!isLocale(locale)) return null;
  setRequestLocale(locale);
  const query = listingQuerySchema.parse(firstValues(await searchParams));
  const [t, result] = await Promise.all([getTranslations("Listing"), listPublications({ locale, page: query.page })]);
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/publications`} />
      <main id="main" className="page" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p className="lead">{t("description")}</p>
        <p className="result-count" aria-live="polite">
          {t("count", { count: result.total })}
        </p>
        <PublicationList items={result.items} />
        <Pagination page={result.page} pageCount={result.pageCount} basePath={`/${locale}/publications`} query={{}} />
      </main>
    </>
  );
}
