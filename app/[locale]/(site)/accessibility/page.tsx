import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteTextPage } from "@/components/site-text-page";
import { ACCESSIBILITY_CHECKS } from "@/lib/accessibility/checks";
import { getSiteSettings } from "@/lib/data/site-settings";
import { isLocale } from "@/lib/i18n/routing";
import { pageAlternates } from "@/lib/seo/alternates";
import { DEFAULT_ACCESSIBILITY } from "@/lib/site-settings/defaults";

type Props = PageProps<"/[locale]/accessibility">;

// Rendered per request: the text is the admins' (cached in the data layer), and a build has no database to read it from.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "SitePages" });
  return { title: t("accessibilityTitle"), alternates: pageAlternates(locale, "/accessibility") };
}

/**
 * The accessibility statement: the institution's text, then the checks the
 * portal meets and how each is tested, which no one can edit into being untrue.
 */
export default async function AccessibilityPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, site] = await Promise.all([getTranslations("SitePages"), getSiteSettings()]);
  return (
    <SiteTextPage
      locale={locale}
      path="/accessibility"
      title={t("accessibilityTitle")}
      markdown={site.accessibility[locale] || DEFAULT_ACCESSIBILITY[locale]}
    >
      <section aria-labelledby="checks-title">
        <h2 id="checks-title">{t("checksTitle")}</h2>
        <p>{t("checksIntro")}</p>
        <table className="checks">
            <thead>
              <tr>
                <th scope="col">{t("criterion")}</th>
                <th scope="col">{t("level")}</th>
                <th scope="col">{t("howTested")}</th>
              </tr>
            </thead>
            <tbody>
              {ACCESSIBILITY_CHECKS.map((c) => (
                <tr key={c.criterion}>
                  <th scope="row">
                    {c.criterion} {c.name[locale]}
                  </th>
                  <td>{c.level}</td>
                  <td>{c.howTested[locale]}</td>
                </tr>
              ))}
            </tbody>
        </table>
      </section>
    </SiteTextPage>
  );
}
