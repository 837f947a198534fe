import type { MetadataRoute } from "next";
import { listSitemapAuthors, listSitemapPublications, listSitemapSeries, listSitemapTopics } from "@/lib/data/sitemap";
import { env } from "@/lib/env";
import { locales } from "@/lib/i18n/routing";
import { pageLanguages } from "@/lib/seo/alternates";
import { canonicalPath, publicationLanguages } from "@/lib/seo/publication-metadata";

// Built per request from the database; `next build` has none.
export const dynamic = "force-dynamic";

type Entry = MetadataRoute.Sitemap[number];

/**
 * Only canonical URLs, each with the same hreflang alternates as its page
 * declares (itself among them). A page translated into both languages (the
 * front page, a listing, a series, an author, a topic) is listed once per language; a paper once,
 * at its own language's page: the other language's URL is a copy.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = env().APP_URL;
  const absolute = (languages: Partial<Record<string, string>>) =>
    Object.fromEntries(Object.entries(languages).map(([l, path]) => [l, `${base}${path}`]));
  const everyLocale = (path: string, lastModified?: Date): Entry[] =>
    locales.map((l) => ({ url: `${base}/${l}${path}`, lastModified, alternates: { languages: absolute(pageLanguages(path)) } }));

  const now = new Date();
  const [publications, series, authors, topics] = await Promise.all([
    listSitemapPublications(now),
    listSitemapSeries(),
    listSitemapAuthors(now),
    listSitemapTopics(now),
  ]);
  return [
    ...everyLocale(""),
    ...everyLocale("/publications"),
    ...series.flatMap((s) => everyLocale(`/series/${encodeURIComponent(s.slug)}`, s.updatedAt)),
    ...authors.flatMap((a) => everyLocale(`/authors/${a.id}`, a.updatedAt)),
    ...topics.flatMap((t) => everyLocale(`/topics/${encodeURIComponent(t.slug)}`)),
    ...publications.map((p): Entry => ({
      url: `${base}${canonicalPath(p)}`,
      lastModified: p.updatedAt,
      alternates: { languages: absolute(publicationLanguages(p)) },
    })),
  ];
}
