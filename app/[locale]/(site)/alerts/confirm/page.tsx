import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { readAlertToken } from "@/lib/alerts/tokens";
import { otherLocale } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { firstValues } from "@/lib/validations/publications";
import { confirmAlerts } from "../actions";
import { TokenAction } from "../_components/token-action";

type Props = PageProps<"/[locale]/alerts/confirm">;

export const dynamic = "force-dynamic";
// The link's token must not leave in a Referer header, nor the page reach a search engine.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * Where the confirmation mail's link leads. Opening it confirms nothing: mail
 * scanners open links too. The reader presses the button.
 */
export default async function ConfirmAlertsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const token = firstValues(await searchParams).token ?? "";
  const t = await getTranslations("Alerts");
  const valid = readAlertToken("confirm", token) !== null;
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/alerts`} />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{t("confirmTitle")}</h1>
        {valid ? (
          <TokenAction action={confirmAlerts.bind(null, locale, token)} label={t("confirmButton")} help={t("confirmHelp")} />
        ) : (
          <>
            <p role="alert">{t("linkInvalid")}</p>
            <p>
              <a href={`/${locale}/alerts`}>{t("subscribeAgain")}</a>
            </p>
          </>
        )}
      </main>
    </>
  );
}
