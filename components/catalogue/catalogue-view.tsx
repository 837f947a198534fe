import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { listPublications } from "@/lib/data/publications";
import { listSeries } from "@/lib/data/series";
import { listRegions, listTopics } from "@/lib/data/tags";
import { listingQueryToParams, type ListingProblem, type ListingQuery } from "@/lib/validations/publications";
import { PublicationList } from "@/components/publication-list";
import { Pagination } from "@/components/pagination";
import { FacetList } from "./facet-list";
import { SearchForm } from "./search-form";

type Props = {
  locale: Locale;
  /** The page the links and the form lead back to. */
  basePath: string;
  query: ListingQuery;
  problems: ListingProblem[];
  /** Filters the page itself fixes (a series, an author, a topic page); they are not offered as choices. */
  fixed?: { series?: string; author?: number; topic?: string };
};

export async function CatalogueView({ locale, basePath, query, problems, fixed = {} }: Props) {
  const filters = { ...query, ...fixed, locale };
  const [t, result, series, topics, regions] = await Promise.all([
    getTranslations("Listing"),
    listPublications(filters, query.page),
    listSeries(),
    listTopics(),
    listRegions(),
  ]);
  // Links keep the reader's own filters; fixed ones are already in basePath.
  const kept = listingQueryToParams(query);
  const hrefWith = (key: "series" | "year", value: string | undefined) => {
    const params = new URLSearchParams({ ...kept });
    if (value === undefined) params.delete(key);
    else params.set(key, value);
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const name = (row: { nameKo: string; nameEn: string }) => (locale === "ko" ? row.nameKo : row.nameEn);

  return (
    <div className="catalogue">
      <aside className="catalogue__filters" aria-label={t("filters")}>
        <SearchForm
          basePath={basePath}
          query={query}
          topics={fixed.topic ? undefined : topics.map((x) => ({ value: x.slug, label: name(x) }))}
          regions={regions.map((x) => ({ value: x.slug, label: name(x) }))}
        />
        {fixed.series ? null : (
          <FacetList
            title={t("series")}
            allLabel={t("allSeries")}
            allHref={hrefWith("series", undefined)}
            current={query.series}
            items={series.map((s) => ({
              value: s.slug,
              label: name(s),
              count: result.facets.series.get(s.slug) ?? 0,
              href: hrefWith("series", s.slug),
            }))}
          />
        )}
        <FacetList
          title={t("year")}
          allLabel={t("allYears")}
          allHref={hrefWith("year", undefined)}
          current={query.year === undefined ? undefined : String(query.year)}
          items={result.facets.years.map((y) => ({ ...y, label: y.value, href: hrefWith("year", y.value) }))}
        />
      </aside>
      <section className="catalogue__results" aria-labelledby="results-title">
        <h2 id="results-title" className="visually-hidden">
          {t("results")}
        </h2>
        {problems.includes("searchTooLong") ? (
          <p className="notice notice--warning" role="status">
            {t("searchTooLong")}
          </p>
        ) : null}
        <p className="result-count" aria-live="polite">
          {t("count", { count: result.total })}
        </p>
        <PublicationList items={result.items} />
        <Pagination page={result.page} pageCount={result.pageCount} basePath={basePath} query={kept} />
      </section>
    </div>
  );
}
