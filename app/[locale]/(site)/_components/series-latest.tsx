import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicationList } from "@/components/publication-list";
import type { FrontPage } from "@/lib/data/front-page";
import { seriesName } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/** One series' latest papers, headed by the series' name, which leads to its page. */
export async function SeriesLatest({ locale, series }: { locale: Locale; series: FrontPage["series"][number] }) {
  const [t, listing] = await Promise.all([getTranslations("Home"), getTranslations("Listing")]);
  const headingId = `latest-${series.slug}`;
  return (
    <section className="front-page__series" aria-labelledby={headingId}>
      <p className="eyebrow">{t("latest")}</p>
      <h2 id={headingId}>
        <Link href={`/${locale}/series/${series.slug}`}>{seriesName(series, locale)}</Link>
      </h2>
      <PublicationList locale={locale} t={listing} items={series.items} headingLevel={3} />
    </section>
  );
}
