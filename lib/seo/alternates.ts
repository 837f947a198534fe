import type { Metadata } from "next";
import { locales, type Locale } from "@/lib/i18n/routing";
import { listingSearch } from "@/lib/validations/listing-key";
import type { ListingQuery } from "@/lib/validations/publications";

/**
 * hreflang alternates of a page that exists at the same path in both
 * languages (a listing, a series, an author), each language's page included;
 * Korean is the default. The sitemap lists exactly these.
 */
export function pageLanguages(path: string, search = ""): Record<Locale | "x-default", string> {
  const byLocale = Object.fromEntries(locales.map((l) => [l, `/${l}${path}${search}`])) as Record<Locale, string>;
  return { ...byLocale, "x-default": byLocale.ko };
}

/**
 * Canonical URL, hreflang alternates and the Atom feed link for such a page.
 * A listing's later pages and filters are pages of their own, canonical to
 * themselves with their query in one canonical order, so that search engines
 * index page 2 onwards rather than folding them into page 1.
 */
export function pageAlternates(
  locale: Locale,
  path: string,
  feedPath = `/${locale}/feed.xml`,
  query: Partial<ListingQuery> = {},
): Metadata["alternates"] {
  const search = listingSearch(query);
  return {
    canonical: `/${locale}${path}${search}`,
    languages: pageLanguages(path, search),
    types: { "application/atom+xml": feedPath },
  };
}
