import "server-only";
import type { CitationData } from "@/lib/citation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getSiteSettings } from "./site-settings";
import { publicPublicationWhere } from "./visibility";

/** What a citation of a public publication needs, or null; the URL is the canonical page in the paper's own language. */
export async function getCitationData(id: number): Promise<CitationData | null> {
  const row = await db.publication.findFirst({
    where: { id, ...publicPublicationWhere() },
    select: {
      id: true,
      title: true,
      subtitle: true,
      language: true,
      reportNumber: true,
      publishedAt: true,
      series: { select: { nameKo: true, nameEn: true, reportPrefix: true } },
      authors: { orderBy: { position: "asc" }, select: { author: { select: { nameKo: true, nameEn: true } } } },
    },
  });
  if (!row?.publishedAt) return null;
  const site = await getSiteSettings();
  return {
    title: row.title,
    subtitle: row.subtitle,
    authors: row.authors.map((a) => a.author),
    publishedAt: row.publishedAt,
    reportNumber: row.reportNumber,
    seriesName: row.language === "ko" ? row.series.nameKo : row.series.nameEn,
    seriesReportPrefix: row.series.reportPrefix,
    institution: site.institutionName[row.language],
    url: `${env().APP_URL}/${row.language}/publications/${row.id}`,
    language: row.language,
  };
}
