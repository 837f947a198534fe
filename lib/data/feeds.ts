import "server-only";
import { Feed } from "feed";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorName, seriesName } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { getSiteSettings } from "./site-settings";
import { publicPublicationWhere } from "./visibility";

export const FEED_SIZE = 50;

export const FEED_HEADERS = {
  "Content-Type": "application/atom+xml; charset=utf-8",
  "Cache-Control": "public, max-age=300",
} as const;

// The one fixed phrase the feeds need; not worth a message file entry.
const LATEST: Record<Locale, string> = { ko: "최신 간행물", en: "Latest publications" };

const entrySelect = {
  id: true,
  title: true,
  summary: true,
  publishedAt: true,
  updatedAt: true,
  series: { select: { nameKo: true, nameEn: true } },
  authors: { orderBy: { position: "asc" }, select: { author: { select: { id: true, nameKo: true, nameEn: true } } } },
} satisfies Prisma.PublicationSelect;

/** Same rule as the catalogue: each paper once, in the reader's language when that version exists. */
function feedWhere(locale: Locale, seriesId?: number): Prisma.PublicationWhereInput {
  return {
    AND: [
      publicPublicationWhere(),
      { OR: [{ language: locale }, { translationId: null, translatedFrom: { is: null } }] },
      seriesId === undefined ? {} : { seriesId },
    ],
  };
}

async function listFeedEntries(locale: Locale, seriesId?: number) {
  const rows = await db.publication.findMany({
    where: feedWhere(locale, seriesId),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: entrySelect,
  });
  return rows.map(({ authors, publishedAt, updatedAt, ...rest }) => {
    const published = publishedAt ?? new Date(0);
    // A paper scheduled ahead was last edited before it appeared; a reader first sees it at publishedAt.
    const updated = updatedAt > published ? updatedAt : published;
    return { ...rest, published, updated, authors: authors.map((a) => a.author) };
  });
}

function getFeedSeries(slug: string) {
  return db.series.findUnique({
    where: { slug },
    select: { id: true, slug: true, nameKo: true, nameEn: true, descriptionKo: true, descriptionEn: true, updatedAt: true },
  });
}

/** Atom's type="html" text is HTML: plain text must be escaped to read as itself. */
function html(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The feed library leaves "<" raw in attributes, which would make the whole document invalid XML. */
function attribute(text: string) {
  return text.replace(/</g, "\uFF1C");
}

/**
 * The newest public publications as the catalogue shows them to a reader of
 * `locale`, optionally of one series, as an Atom document; null for an unknown series.
 */
export async function getAtomFeed(locale: Locale, seriesSlug?: string): Promise<string | null> {
  const series = seriesSlug === undefined ? undefined : await getFeedSeries(seriesSlug);
  if (series === null) return null;
  const [entries, site] = await Promise.all([listFeedEntries(locale, series?.id), getSiteSettings()]);

  const base = env().APP_URL;
  const page = series ? `${base}/${locale}/series/${encodeURIComponent(series.slug)}` : `${base}/${locale}/publications`;
  const self = series ? `${page}/feed.xml` : `${base}/${locale}/feed.xml`;
  const description = series ? (locale === "ko" ? series.descriptionKo : series.descriptionEn) : site.institutionName[locale];
  const newest = entries.reduce((max, e) => (e.updated > max ? e.updated : max), series?.updatedAt ?? new Date(0));

  const feed = new Feed({
    id: self,
    title: `${site.siteTitle[locale]} — ${series ? seriesName(series, locale) : LATEST[locale]}`,
    description: description || undefined,
    link: page,
    feed: self,
    language: locale,
    updated: newest,
    generator: "Perspectives",
    author: { name: site.institutionName[locale], link: `${base}/${locale}` },
  });
  for (const e of entries) {
    const url = `${base}/${locale}/publications/${e.id}`;
    const category = attribute(seriesName(e.series, locale));
    feed.addItem({
      id: url,
      link: url,
      title: html(e.title),
      description: e.summary ? html(e.summary) : undefined,
      published: e.published,
      date: e.updated,
      author: e.authors.map((a) => ({ name: authorName(a, locale), link: `${base}/${locale}/authors/${a.id}` })),
      category: [{ name: category, term: category }],
    });
  }
  // The library writes no language for Atom; xml:lang on <feed> is where Atom keeps it.
  return feed
    .atom1()
    .replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`);
}
