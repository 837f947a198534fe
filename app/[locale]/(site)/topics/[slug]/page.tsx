import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertLink } from "@/components/alert-link";
import { SiteHeader } from "@/components/site-header";
import { CatalogueView } from "@/components/catalogue/catalogue-view";
import { getSiteSettings } from "@/lib/data/site-settings";
import { getTopicBySlug } from "@/lib/data/tags";
import { parseListingQuery, slugSchema } from "@/lib/validations/publications";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { otherLocale, topicName } from "@/lib/i18n/localized";
import { pageAlternates } from "@/lib/seo/alternates";

type Props = PageProps<"/[locale]/topics/[slug]">;

async function load(slug: string, locale: Locale) {
  const parsed = slugSchema.safeParse(slug);
  return parsed.success ? getTopicBySlug(parsed.data, locale) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const topic = await load(slug, locale);
  if (!topic) return {};
  const [t, site] = await Promise.all([getTranslations({ locale, namespace: "Topic" }), getSiteSettings()]);
  // The topic is in the path: a `topic` parameter is ignored by the page, so by its canonical too.
  const { query } = parseListingQuery(await searchParams);
  return {
    title: topicName(topic, locale),
    description: t("description", { topic: topicName(topic, locale), institution: site.institutionName[locale] }),
    alternates: pageAlternates(locale, `/topics/${topic.slug}`, undefined, { ...query, topic: undefined }),
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const topic = await load(slug, locale);
  if (!topic) notFound();
  const { query, problems } = parseListingQuery(await searchParams);
  const [t, alerts] = await Promise.all([getTranslations("Topic"), getTranslations("Alerts")]);
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/topics/${topic.slug}`} />
      <main id="main" className="page" tabIndex={-1}>
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{topicName(topic, locale)}</h1>
        <p className="lead">{t("paperCount", { count: topic.paperCount })}</p>
        <p>
          <AlertLink locale={locale} follow={{ topic: topic.slug }} label={alerts("followTopic")} />
        </p>
        <CatalogueView
          locale={locale}
          basePath={`/${locale}/topics/${topic.slug}`}
          query={{ ...query, topic: undefined }}
          problems={problems}
          fixed={{ topic: topic.slug }}
        />
      </main>
    </>
  );
}
