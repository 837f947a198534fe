import type { Metadata } from "next";
import type { PublicPublication } from "@/lib/data/publications";
import { formatIsoDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/routing";
import { SITE } from "@/lib/site";

type Pub = Pick<
  PublicPublication,
  | "id"
  | "language"
  | "twin"
  | "title"
  | "subtitle"
  | "summary"
  | "publishedAt"
  | "updatedAt"
  | "reportNumber"
  | "authors"
  | "series"
  | "attachments"
>;

/** Where this paper lives in each interface language: its own page, or its translation's. */
export function publicationPaths(p: Pick<Pub, "id" | "language" | "twin">): Record<Locale, string> {
  const idFor = (l: Locale) => (p.language === l ? p.id : p.twin?.language === l ? p.twin.id : p.id);
  return { ko: `/ko/publications/${idFor("ko")}`, en: `/en/publications/${idFor("en")}` };
}

/** The paper's canonical address: its own language's page. */
export function canonicalPath(p: Pick<Pub, "id" | "language">) {
  return `/${p.language}/publications/${p.id}`;
}

export function publicationMetadata(p: Pub, appUrl: string): Metadata {
  const paths = publicationPaths(p);
  const names = p.authors.map((a) => (p.language === "ko" ? a.nameKo : a.nameEn));
  const series = p.language === "ko" ? p.series.nameKo : p.series.nameEn;
  const pdf = p.attachments.find((a) => a.mediaType === "application/pdf");
  const description = p.summary || p.subtitle || p.title;
  return {
    title: p.title,
    description,
    authors: names.map((name) => ({ name })),
    alternates: {
      canonical: canonicalPath(p),
      languages: { ...paths, "x-default": paths.ko },
      types: { "application/atom+xml": `/${p.language}/feed.xml` },
    },
    openGraph: {
      type: "article",
      title: p.title,
      description,
      url: canonicalPath(p),
      siteName: SITE.name[p.language],
      locale: p.language === "ko" ? "ko_KR" : "en_US",
      alternateLocale: p.twin ? [p.twin.language === "ko" ? "ko_KR" : "en_US"] : undefined,
      publishedTime: p.publishedAt.toISOString(),
      modifiedTime: p.updatedAt.toISOString(),
      authors: names,
      section: series,
    },
    twitter: { card: "summary", title: p.title, description },
    // Google Scholar's inclusion guidelines read these citation_* tags.
    other: {
      citation_title: p.title,
      citation_author: names,
      citation_publication_date: formatIsoDate(p.publishedAt).replaceAll("-", "/"),
      citation_technical_report_number: `${p.series.reportPrefix} ${p.reportNumber}`,
      citation_technical_report_institution: SITE.institution[p.language],
      citation_language: p.language,
      ...(pdf ? { citation_pdf_url: `${appUrl}/${p.language}/publications/${p.id}/files/${pdf.id}` } : {}),
    },
  };
}

/** schema.org Report, embedded as JSON-LD. */
export function publicationJsonLd(p: Pub, appUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Report",
    headline: p.title,
    name: p.title,
    alternativeHeadline: p.subtitle ?? undefined,
    description: p.summary || undefined,
    inLanguage: p.language,
    datePublished: p.publishedAt.toISOString(),
    dateModified: p.updatedAt.toISOString(),
    reportNumber: `${p.series.reportPrefix} ${p.reportNumber}`,
    url: `${appUrl}${canonicalPath(p)}`,
    isPartOf: { "@type": "CreativeWorkSeries", name: p.language === "ko" ? p.series.nameKo : p.series.nameEn },
    author: p.authors.map((a) => ({
      "@type": "Person",
      name: p.language === "ko" ? a.nameKo : a.nameEn,
      url: `${appUrl}/${p.language}/authors/${a.id}`,
    })),
    publisher: { "@type": "Organization", name: SITE.institution[p.language] },
    encoding: p.attachments.map((a) => ({
      "@type": "MediaObject",
      name: a.fileName,
      encodingFormat: a.mediaType,
      contentSize: `${a.byteSize} B`,
      contentUrl: `${appUrl}/${p.language}/publications/${p.id}/files/${a.id}`,
    })),
  };
}

/** JSON inside <script> must not be able to close the tag. */
export function jsonLdScript(data: unknown) {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
