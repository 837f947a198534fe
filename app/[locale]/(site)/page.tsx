import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicationList } from "@/components/publication-list";
import { SiteHeader } from "@/components/site-header";
import { getFrontPage } from "@/lib/data/front-page";
import { getSiteSettings } from "@/lib/data/site-settings";
import { otherLocale } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { pageAlternates } from "@/lib/seo/alternates";
import { FrontSearch } from "./_components/front-search";
import { SeriesLatest } from "./_components/series-latest";
import { TopicLinks } from "./_components/topic-links";

// Read per request: builds have no database, and an editor's pin shows on the next visit.
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const site = await getSiteSettings();
  return {
    // The site's own title, not the layout's "page | site".
    title: { absolute: site.siteTitle[locale] },
    description: site.tagline[locale] || undefined,
    alternates: pageAlternates(locale, ""),
  };
}

/** The front door: what the site is, a search, the papers editors feature, each series' latest and the topics. */
export default async function FrontPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, listing, site, { featured, series, topics }] = await Promise.all([
    getTranslations("Home"),
    getTranslations("Listing"),
    getSiteSettings(),
    getFrontPage(locale),
  ]);
  const tagline = site.tagline[locale];
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}`} />
      <main id="main" className="page front-page" tabIndex={-1}>
        <h1>{site.siteTitle[locale]}</h1>
        {tagline ? <p className="lead">{tagline}</p> : null}
        <FrontSearch locale={locale} />
        {featured.length > 0 ? (
          <section className="front-page__featured" aria-labelledby="featured-title">
            <h2 id="featured-title">{t("featured")}</h2>
            <PublicationList locale={locale} t={listing} items={featured} headingLevel={3} />
          </section>
        ) : null}
        {series.map((s) => (
          <SeriesLatest key={s.slug} locale={locale} series={s} />
        ))}
        {topics.length > 0 ? <TopicLinks locale={locale} topics={topics} /> : null}
        <p>
          <Link href={`/${locale}/publications`}>{t("allPublications")}</Link>
        </p>
      </main>
    </>
  );
}
