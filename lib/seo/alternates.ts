import type { Metadata } from "next";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Canonical URL, hreflang alternates and the Atom feed link for a page that
 * exists at the same path in both languages.
 */
export function pageAlternates(locale: Locale, path: string, feedPath = `/${locale}/feed.xml`): Metadata["alternates"] {
  return {
    canonical: `/${locale}${path}`,
    languages: { ko: `/ko${path}`, en: `/en${path}`, "x-default": `/ko${path}` },
    types: { "application/atom+xml": feedPath },
  };
}
