import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { loadCatalogue, type FixedFilters } from "@/lib/data/catalogue-page";
import type { ListingProblem, ListingQuery } from "@/lib/validations/publications";
import { CatalogueResults } from "./catalogue-results";

type Props = {
  locale: Locale;
  /** The page the links and the form lead back to. */
  basePath: string;
  query: ListingQuery;
  problems: ListingProblem[];
  /** Filters the page itself fixes (a series, an author, a topic page); they are not offered as choices. */
  fixed?: FixedFilters;
};

/** The catalogue's filters and results, as a page Next.js renders shows them. */
export async function CatalogueView({ locale, basePath, query, problems, fixed = {} }: Props) {
  const [listing, pagination, data] = await Promise.all([
    getTranslations("Listing"),
    getTranslations("Pagination"),
    loadCatalogue(locale, query, fixed),
  ]);
  return (
    <CatalogueResults
      locale={locale}
      basePath={basePath}
      query={query}
      problems={problems}
      fixed={fixed}
      data={data}
      t={{ listing, pagination }}
    />
  );
}
