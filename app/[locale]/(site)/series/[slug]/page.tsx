import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertLink } from "@/components/alert-link";
import { SiteHeader } from "@/components/site-header";
import { CatalogueView } from "@/components/catalogue/catalogue-view";
import { getSeriesBySlug } from "@/lib/data/series";
import { parseListingQuery, slugSchema } from "@/lib/validations/publications";
import { isLocale } from "@/lib/i18n/routing";
import { otherLocale } from "@/lib/i18n/localized";
import { pageAlternates } from "@/lib/seo/alternates";

type Props = PageProps<"/[locale]/series/[slug]">;

async function load(slug: string) {
  const parsed = slugSchema.safeParse(slug);
  return parsed.success ? getSeriesBySlug(parsed.data) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const series = isLocale(locale) ? await load(slug) : null;
  if (!series || !isLocale(locale)) return {};
  const ko = locale === "ko";
  // The series is in the path: a `series` parameter is ignored by the page, so by its canonical too.
  const { query } = parseListingQuery(await searchParams);
  return {
    title: ko ? series.nameKo : series.nameEn,
    description: (ko ? series.descriptionKo : series.descriptionEn) || undefined,
    alternates: pageAlternates(locale, `/series/${series.slug}`, `/${locale}/series/${series.slug}/feed.xml`, {
      ...query,
      series: undefined,
    }),
  };
}

export default async function SeriesPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const series = await load(slug);
  if (!series) notFound();
  const { query, problems } = parseListingQuery(await searchParams);
  const [t, alerts] = await Promise.all([getTranslations("Series"), getTranslations("Alerts")]);
  const ko = locale === "ko";
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/series/${series.slug}`} />
      <main id="main" className="page" tabIndex={-1}>
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{ko ? series.nameKo : series.nameEn}</h1>
        <p className="lead">{ko ? series.descriptionKo : series.descriptionEn}</p>
        <p>
          <a href={`/${locale}/series/${series.slug}/feed.xml`} type="application/atom+xml">
            {t("feed")}
          </a>{" "}
          · <AlertLink locale={locale} follow={{ series: series.slug }} label={alerts("followSeries")} />
        </p>
        <CatalogueView
          locale={locale}
          basePath={`/${locale}/series/${series.slug}`}
          query={{ ...query, series: undefined }}
          problems={problems}
          fixed={{ series: series.slug }}
        />
      </main>
    </>
  );
}
