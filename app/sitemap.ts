import type { MetadataRoute } from "next";
import { listSitemapAuthors, listSitemapPublications, listSitemapSeries } from "@/lib/data/sitemap";
import { env } from "@/lib/env";
import { locales, type Locale } from "@/lib/i18n/routing";

// Built per request from the database; `next build` has none.
export const dynamic = "force-dynamic";

type Entry = MetadataRoute.Sitemap[number];

/** One entry per locale for a page that exists in both, each naming the other as its hreflang alternate. */
function inEveryLocale(path: (l: Locale) => string, lastModified?: Date, alternate = path): Entry[] {
  const base = env().APP_URL;
  const languages = { ko: `${base}${alternate("ko")}`, en: `${base}${alternate("en")}` } satisfies Record<Locale, string>;
  return locales.map((l) => ({ url: `${base}${path(l)}`, lastModified, alternates: { languages } }));
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const now = new Date();
  const [publications, series, authors] = await Promise.all([
    listSitemapPublications(now),
    listSitemapSeries(),
    listSitemapAuthors(now),
  ]);
  return [
    ...inEveryLocale((l) => `/${l}/publications`),
    ...series.flatMap((s) => inEveryLocale((l) => `/${l}/series/${encodeURIComponent(s.slug)}`, s.updatedAt)),
    ...authors.flatMap((a) => inEveryLocale((l) => `/${l}/authors/${a.id}`, a.updatedAt)),
    ...publications.flatMap((p) =>
      inEveryLocale(
        (l) => `/${l}/publications/${p.id}`,
        p.updatedAt,
        (l) => `/${l}/publications/${p.idByLocale[l]}`,
      ),
    ),
  ];
}
