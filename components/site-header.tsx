import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listNavigationSeries } from "@/lib/data/series";

type Props = {
  /** Where the language switch leads: the same page in the other language. */
  alternateHref: string;
};

export async function SiteHeader({ alternateHref }: Props) {
  const [t, locale, series] = await Promise.all([getTranslations("Site"), getLocale(), listNavigationSeries()]);
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
          {series.map((s) => (
            <Link key={s.id} href={`/${locale}/series/${s.slug}`}>
              {locale === "ko" ? s.nameKo : s.nameEn}
            </Link>
          ))}
          {/* Named by its visible text (WCAG 2.5.3 Label in Name); the longer wording is its description. */}
          <a href={alternateHref} hrefLang={other} lang={other} title={t("languageSwitchLabel")} className="lang-switch">
            {t("languageSwitch")}
          </a>
        </nav>
      </div>
    </header>
  );
}
