import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { readAlertToken } from "@/lib/alerts/tokens";
import { alertFollowOptions, getAlertSubscription } from "@/lib/data/alerts";
import { getSiteSettings } from "@/lib/data/site-settings";
import { clientMessages } from "@/lib/i18n/client-messages";
import { otherLocale } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { firstValues } from "@/lib/validations/publications";
import { eraseAlertAddress, saveAlertChoices, unsubscribeFromAlerts } from "../actions";
import { ManageForm } from "../_components/manage-form";
import { TokenAction } from "../_components/token-action";

type Props = PageProps<"/[locale]/alerts/manage">;

export const dynamic = "force-dynamic";
// The link's token must not leave in a Referer header, nor the page reach a search engine.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/** Every alert mail links here: change the choices, unsubscribe or erase the address, without signing in. */
export default async function ManageAlertsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const token = firstValues(await searchParams).token ?? "";
  const id = readAlertToken("manage", token);
  const [t, subscription, options, settings] = await Promise.all([
    getTranslations("Alerts"),
    id ? getAlertSubscription(id) : null,
    alertFollowOptions(),
    getSiteSettings(),
  ]);
  const header = <SiteHeader alternateHref={`/${otherLocale(locale)}/alerts`} />;
  if (!subscription) {
    return (
      <>
        {header}
        <main id="main" className="page page--narrow" tabIndex={-1}>
          <h1>{t("manageTitle")}</h1>
          <p role="alert">{t("linkInvalid")}</p>
          <p>
            <a href={`/${locale}/alerts`}>{t("subscribeAgain")}</a>
          </p>
        </main>
      </>
    );
  }
  return (
    <>
      {header}
      <NextIntlClientProvider messages={await clientMessages(["Alerts"])}>
        <main id="main" className="page page--narrow" tabIndex={-1}>
          <h1>{t("manageTitle")}</h1>
          <p className="lead">{t("manageFor", { email: subscription.email })}</p>
          {subscription.bounced ? (
            <p className="notice notice--warning">{t("bouncedNote")}</p>
          ) : subscription.unsubscribed ? (
            <p className="notice">{t("unsubscribedNote")}</p>
          ) : null}
          <ManageForm
            action={saveAlertChoices.bind(null, locale, token)}
            options={options}
            initial={subscription}
            locale={locale}
          />
          <section aria-labelledby="unsubscribe-title" className="panel">
            <h2 id="unsubscribe-title">{t("unsubscribe")}</h2>
            <TokenAction
              action={unsubscribeFromAlerts.bind(null, locale, token)}
              label={t("unsubscribe")}
              help={t("unsubscribeHelp")}
            />
          </section>
          <section aria-labelledby="erase-title" className="panel">
            <h2 id="erase-title">{t("erase")}</h2>
            <TokenAction
              action={eraseAlertAddress.bind(null, locale, token)}
              label={t("erase")}
              help={t("eraseHelp", { site: settings.siteTitle[locale] })}
            />
          </section>
        </main>
      </NextIntlClientProvider>
    </>
  );
}
