import { getTranslations } from "next-intl/server";
import type { PublicPublication } from "@/lib/data/publications";
import { buildCitations } from "@/lib/citation";
import { getSiteSettings } from "@/lib/data/site-settings";

type Props = {
  locale: string;
  publication: PublicPublication;
  url: string;
  /** The paper's language, given where the menus around it are in another (citations are in the paper's). */
  language?: string;
};

export async function CiteBlock({ locale, publication: p, url, language }: Props) {
  const [t, site] = await Promise.all([getTranslations("Publication"), getSiteSettings()]);
  const citations = buildCitations({
    title: p.title,
    subtitle: p.subtitle ?? undefined,
    authors: p.authors,
    publishedAt: p.publishedAt,
    reportNumber: p.reportNumber,
    seriesName: p.language === "ko" ? p.series.nameKo : p.series.nameEn,
    seriesReportPrefix: p.series.reportPrefix,
    institution: site.institutionName[p.language],
    url,
    language: p.language,
  });
  const base = `/${locale}/publications/${p.id}/cite`;
  return (
    <section className="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">{t("cite")}</h2>
      <dl>
        <dt>{t("citeApa")}</dt>
        <dd lang={language}>{citations.apa}</dd>
        <dt>{t("citeChicago")}</dt>
        <dd lang={language}>{citations.chicago}</dd>
      </dl>
      <p className="cite__downloads no-print">
        {t("citeDownloads")}:{" "}
        <a href={`${base}/bibtex`} download>
          {t("downloadBibtex")}
        </a>{" "}
        ·{" "}
        <a href={`${base}/ris`} download>
          {t("downloadRis")}
        </a>
      </p>
    </section>
  );
}
