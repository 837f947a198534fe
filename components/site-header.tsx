import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listNavigationSeries } from "@/lib/data/series";
import { getSiteSettings } from "@/lib/data/site-settings";
import { localeOrDefault } from "@/lib/i18n/routing";
import { siteAssetPath } from "@/lib/site-settings/asset-paths";
import { SEARCH_MAX_LENGTH } from "@/lib/validations/publications";

type Props = {
  /** Where the language switch leads: the same page in the other language. */
  alternateHref: string;
};

export async function SiteHeader({ alternateHref }: Props) {
  const [t, rawLocale, series, site] = await Promise.all([
    getTranslations("Site"),
    getLocale(),
    listNavigationSeries(),
    getSiteSettings(),
  ]);
  const locale = localeOrDefault(rawLocale);
  const other = locale === "ko" ? "en" : "ko";
  const logo = site.assets.logo;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" href={`/${locale}`}>
          {/* The names beside it say what the logo says: the image itself is decoration. */}
          {logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- an admin's upload, served as is; next/image would re-encode it
            <img className="site-header__logo" src={siteAssetPath("logo", logo)} alt="" height={40} />
          ) : null}
          <span className="site-header__names">
            <span className="site-header__institution">{site.institutionName[locale]}</span>
            <span className="site-header__name">{site.siteTitle[locale]}</span>
          </span>
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
        {/* On every reader page: a plain GET form to the catalogue's search, with or without JavaScript. */}
        <form
          className="site-header__search"
          action={`/${locale}/publications`}
          method="get"
          role="search"
          aria-label={t("searchLandmark")}
        >
          <label htmlFor="site-search" className="visually-hidden">
            {t("searchLabel")}
          </label>
          <input id="site-search" name="q" type="search" maxLength={SEARCH_MAX_LENGTH} />
          <button type="submit">{t("search")}</button>
        </form>
      </div>
    </header>
  );
}
