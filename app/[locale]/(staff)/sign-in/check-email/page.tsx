import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { isLocale } from "@/lib/i18n/routing";
import { otherLocale } from "@/lib/i18n/localized";

export default async function CheckEmailPage({ params }: PageProps<"/[locale]/sign-in/check-email">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("SignIn");
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/sign-in/check-email`} />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{t("checkEmailTitle")}</h1>
        <p>{t("checkEmailBody")}</p>
      </main>
    </>
  );
}
