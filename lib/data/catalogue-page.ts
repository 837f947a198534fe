import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import type { ListingQuery } from "@/lib/validations/publications";
import { listCatalogueChoices } from "./catalogue-choices";
import { listPublications } from "./publications";

/** Filters a page fixes itself (a series', an author's, a topic's page); they are not offered as choices. */
export type FixedFilters = { series?: string; author?: number; topic?: string };

/**
 * Everything the catalogue's results show for one query: the page of papers
 * with its counts, and the filters' choices. Read for a page Next.js renders
 * (components/catalogue/catalogue-view.tsx) and, outside any render, for the
 * listing the portal's server writes itself (server/catalogue-pages.ts).
 */
export async function loadCatalogue(locale: Locale, query: ListingQuery, fixed: FixedFilters = {}) {
  const [result, choices] = await Promise.all([
    listPublications({ ...query, ...fixed, locale }, query.page),
    listCatalogueChoices(),
  ]);
  return { result, choices };
}

export type CatalogueData = Awaited<ReturnType<typeof loadCatalogue>>;
