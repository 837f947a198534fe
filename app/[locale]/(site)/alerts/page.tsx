import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { alertFollowOptions } from "@/lib/data/alerts";
import { getSiteSettings } from "@/lib/data/site-settings";
import { clientMessages } from "@/lib/i18n/client-messages";
import { otherLocale } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { pageAlternates } from "@/lib/seo/alternates";
import { firstValues } from "@/lib/validations/publications";
import { subscribeToAlerts } from "./actions";
import { SubscribeForm } from "./_components/subscribe-form";

type Props = PageProps<"/[locale]/alerts">;

// The choices are the catalogue's current series, topics and authors.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Alerts" });
  return { title: t("title"), alternates: pageAlternates(locale, "/alerts") };
}

/**
 * Subscribing to email alerts. Series, topic, author and publication pages
 * link here with their own choice ticked (`?series=slug`, `?topic=slug`,
 * `?author=id`); unknown values are simply not ticked.
 */
export default async function AlertsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = firstValues(await searchParams);
  const [t, options, settings] = await Promise.all([getTranslations("Alerts"), alertFollowOptions(), getSiteSettings()]);
  const site = settings.siteTitle[locale];
  const initial = {
    locale,
    frequency: "instant" as const,
    everything: false,
    seriesIds: options.series.filter((s) => s.slug === query.series).map((s) => s.id),
    topicIds: options.topics.filter((s) => s.slug === query.topic).map((s) => s.id),
    authorIds: options.authors.filter((a) => String(a.id) === query.author).map((a) => a.id),
  };
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/alerts`} />
      <NextIntlClientProvider messages={await clientMessages(["Alerts"])}>
        <main id="main" className="page page--narrow" tabIndex={-1}>
          <h1>{t("title")}</h1>
          <p className="lead">{t("intro", { site })}</p>
          <SubscribeForm
            action={subscribeToAlerts.bind(null, locale)}
            options={options}
            initial={initial}
            locale={locale}
            site={site}
          />
        </main>
      </NextIntlClientProvider>
    </>
  );
}
