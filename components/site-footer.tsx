import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getSiteSettings } from "@/lib/data/site-settings";
import { localeOrDefault } from "@/lib/i18n/routing";
import { socialNetworkName } from "@/lib/site-settings/social-networks";

/** Every page's footer: the institution's contact, its reader pages (privacy, accessibility) and links, as admins set them. */
export async function SiteFooter() {
  const [t, rawLocale, site] = await Promise.all([getTranslations("Site"), getLocale(), getSiteSettings()]);
  const locale = localeOrDefault(rawLocale);
  const institution = site.institutionName[locale];
  const address = site.address[locale];
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <div className="site-footer__contact">
          <p className="site-footer__institution">{institution}</p>
          {address || site.phone || site.email ? (
            <address>
              {address ? <span>{address}</span> : null}
              {site.phone ? (
                <span>
                  {t("phone")} <a href={`tel:${site.phone.replace(/[^\d+]/g, "")}`}>{site.phone}</a>
                </span>
              ) : null}
              {site.email ? (
                <span>
                  {t("email")} <a href={`mailto:${site.email}`}>{site.email}</a>
                </span>
              ) : null}
            </address>
          ) : null}
        </div>
        <nav aria-label={t("footerNav")} className="site-footer__nav">
          <ul>
            <li>
              <Link href={`/${locale}/privacy`} className="site-footer__privacy">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href={`/${locale}/accessibility`}>{t("accessibility")}</Link>
            </li>
            <li>
              <Link href={`/${locale}/alerts`}>{t("alerts")}</Link>
            </li>
            {site.websiteUrl ? (
              <li>
                <a href={site.websiteUrl}>{t("website", { institution: site.shortName[locale] })}</a>
              </li>
            ) : null}
            {site.socialLinks.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="me noopener">
                  {socialNetworkName(link, locale)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="site-footer__legal">
          {t("copyright", { year: new Date().getFullYear(), institution })} {t("disclaimer")}
        </p>
      </div>
    </footer>
  );
}
