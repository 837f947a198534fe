import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

type Props = {
  /** Where the language switch leads: the same page in the other language. */
  alternateHref: string;
};

export async function SiteHeader({ alternateHref }: Props) {
  const [t, locale] = await Promise.all([getTranslations("Site"), getLocale()]);
  const other = locale === "ko" ? "en" : "ko";
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" href={`/${locale}/publications`}>
          <span className="site-header__institution">{t("institution")}</span>
          <span className="site-header__name">{t("name")}</span>
        </Link>
        <nav aria-label={t("mainNav")} className="site-header__nav">
          <Link href={`/${locale}/publications`}>{t("publications")}</Link>
          <a href={alternateHref} hrefLang={other} lang={other} aria-label={t("languageSwitchLabel")} className="lang-switch">
            {t("languageSwitch")}
          </a>
        </nav>
      </div>
    </header>
  );
}
