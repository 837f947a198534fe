import type { Metadata } from "next";
import { invertedName } from "@/lib/citation/names";
import type { PublicPublication } from "@/lib/data/publications";
import { formatIsoDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/routing";
import type { SiteSettings } from "@/lib/site-settings/types";
import { CARD_SIZE, publicationCardUrl } from "./publication-card";

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

/**
 * Where the language switcher leads in each interface language: the
 * translation's page, or this paper's own under the other language's menus.
 */
export function publicationPaths(p: Pick<Pub, "id" | "language" | "twin">): Record<Locale, string> {
  const idFor = (l: Locale) => (p.language === l ? p.id : p.twin?.language === l ? p.twin.id : p.id);
  return { ko: `/ko/publications/${idFor("ko")}`, en: `/en/publications/${idFor("en")}` };
}

/** The paper's canonical address: its own language's page. */
export function canonicalPath(p: { id: number; language: Locale }) {
  return `/${p.language}/publications/${p.id}`;
}

/** Who publishes: the site's title and institution, as the admins set them. */
type Publisher = Pick<SiteSettings, "siteTitle" | "institutionName">;

type Twinned = { id: number; language: Locale; twin: { id: number; language: Locale } | null };

/**
 * hreflang alternates of a paper: its canonical page and its translation's,
 * Korean the default; a paper without a translation names only itself. The
 * sitemap lists exactly these.
 */
export function publicationLanguages(p: Twinned): Partial<Record<Locale | "x-default", string>> {
  const own = canonicalPath(p);
  if (!p.twin || p.twin.language === p.language) return { [p.language]: own };
  const [ko, en] = p.language === "ko" ? [own, canonicalPath(p.twin)] : [canonicalPath(p.twin), own];
  return { ko, en, "x-default": ko };
}

/**
 * The page's metadata. `locale` is the interface language: a paper shown
 * under the other language's menus is a copy of its canonical page, so it
 * is kept out of the index and carries no citation_* tags, or Google
 * Scholar (which does not reliably follow rel=canonical) lists it twice.
 */
export function publicationMetadata(p: Pub, locale: Locale, appUrl: string, site: Publisher): Metadata {
  const own = locale === p.language;
  const names = p.authors.map((a) => (p.language === "ko" ? a.nameKo : a.nameEn));
  const series = p.language === "ko" ? p.series.nameKo : p.series.nameEn;
  const description = p.summary || p.subtitle || p.title;
  const image = publicationCardUrl(p, appUrl);
  return {
    title: p.title,
    description,
    authors: names.map((name) => ({ name })),
    robots: own ? undefined : { index: false, follow: true },
    alternates: {
      canonical: canonicalPath(p),
      languages: own ? publicationLanguages(p) : undefined,
      types: { "application/atom+xml": `/${p.language}/feed.xml` },
    },
    openGraph: {
      type: "article",
      title: p.title,
      description,
      url: canonicalPath(p),
      siteName: site.siteTitle[p.language],
      locale: p.language === "ko" ? "ko_KR" : "en_US",
      alternateLocale: p.twin ? [p.twin.language === "ko" ? "ko_KR" : "en_US"] : undefined,
      publishedTime: p.publishedAt.toISOString(),
      modifiedTime: p.updatedAt.toISOString(),
      authors: names,
      section: series,
      images: [{ url: image, ...CARD_SIZE, type: "image/png", alt: p.title }],
    },
    twitter: { card: "summary_large_image", title: p.title, description, images: [{ url: image, alt: p.title }] },
    other: own ? scholarTags(p, appUrl, site) : undefined,
  };
}

/**
 * The citation_* tags of Google Scholar's inclusion guidelines. Authors as
 * "Family, Given", the form Scholar parses, and as the BibTeX and RIS files
 * have them (a Korean paper keeps its authors' Korean names as written).
 */
function scholarTags(p: Pub, appUrl: string, site: Publisher): Record<string, string | string[]> {
  const pdf = p.attachments.find((a) => a.mediaType === "application/pdf");
  return {
    citation_title: p.title,
    citation_author: p.authors.map((a) => invertedName(a, p.language)),
    citation_publication_date: formatIsoDate(p.publishedAt).replaceAll("-", "/"),
    citation_technical_report_number: `${p.series.reportPrefix} ${p.reportNumber}`,
    citation_technical_report_institution: site.institutionName[p.language],
    citation_language: p.language,
    ...(pdf ? { citation_pdf_url: `${appUrl}/${p.language}/publications/${p.id}/files/${pdf.id}` } : {}),
  };
}

/** schema.org Report, embedded as JSON-LD. */
export function publicationJsonLd(p: Pub, appUrl: string, site: Publisher) {
  return {
    "@context": "https://schema.org",
    "@type": "Report",
    headline: p.title,
    alternativeHeadline: p.subtitle ?? undefined,
    description: p.summary || undefined,
    inLanguage: p.language,
    datePublished: p.publishedAt.toISOString(),
    dateModified: p.updatedAt.toISOString(),
    reportNumber: `${p.series.reportPrefix} ${p.reportNumber}`,
    url: `${appUrl}${canonicalPath(p)}`,
    image: publicationCardUrl(p, appUrl),
    isPartOf: { "@type": "CreativeWorkSeries", name: p.language === "ko" ? p.series.nameKo : p.series.nameEn },
    author: p.authors.map((a) => ({
      "@type": "Person",
      name: p.language === "ko" ? a.nameKo : a.nameEn,
      url: `${appUrl}/${p.language}/authors/${a.id}`,
    })),
    publisher: { "@type": "Organization", name: site.institutionName[p.language] },
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
