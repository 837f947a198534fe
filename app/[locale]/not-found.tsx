import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

export default async function LocalizedNotFound() {
  const [t, locale] = await Promise.all([getTranslations("NotFound"), getLocale()]);
  const other = locale === "ko" ? "en" : "ko";
  return (
    <>
      <SiteHeader alternateHref={`/${other}/publications`} />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <p>
          <Link href={`/${locale}/publications`}>{t("back")}</Link>
        </p>
      </main>
    </>
  );
}
