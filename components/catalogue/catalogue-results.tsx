import Link from "next/link";
import type { CatalogueData, FixedFilters } from "@/lib/data/catalogue-page";
import type { Locale } from "@/lib/i18n/routing";
import type { Translator } from "@/lib/i18n/translator";
import { queryWords } from "@/lib/search/tokens";
import { listingQueryToParams, type ListingProblem, type ListingQuery } from "@/lib/validations/publications";
import { PublicationList } from "@/components/publication-list";
import { PageLinks } from "@/components/page-links";
import { FacetList } from "./facet-list";
import { FiltersFold } from "./filters-fold";
import { SearchForm } from "./search-form";
import { SortChoice } from "./sort-choice";

export type CatalogueResultsProps = {
  locale: Locale;
  /** The page the links and the form lead back to. */
  basePath: string;
  query: ListingQuery;
  problems: ListingProblem[];
  /** Filters the page itself fixes (a series, an author, a topic page); they are not offered as choices. */
  fixed?: FixedFilters;
  data: CatalogueData;
  t: { listing: Translator<"Listing">; pagination: Translator<"Pagination"> };
};

/**
 * The catalogue's filters and results for one query, from what was read for
 * it: no data or request of its own, so the portal's server renders the
 * listing with it too, outside Next.js (server/catalogue-pages.ts), and the
 * two give the same page.
 */
export function CatalogueResults({ locale, basePath, query, problems, fixed = {}, data, t: messages }: CatalogueResultsProps) {
  const t = messages.listing;
  const { result, choices } = data;
  const words = query.q ? queryWords(query.q) : [];
  const { series, topics, regions } = choices;
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
  // A topic or region with how many papers choosing it would show (with the search and the other
  // filters); without the number when a search's facet passed the count's cap.
  const counted = (row: { slug: string; nameKo: string; nameEn: string }, counts: Map<string, number> | null) => ({
    value: row.slug,
    label: counts ? `${name(row)} (${counts.get(row.slug) ?? 0})` : name(row),
  });
  // The reader's own filters (not the page's fixed ones), each with the address that drops it.
  const without = (key: string) => {
    const params = new URLSearchParams({ ...kept });
    params.delete(key);
    params.delete("page");
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const labelOf = (list: { slug: string; nameKo: string; nameEn: string }[], slug: string) =>
    name(list.find((x) => x.slug === slug) ?? { nameKo: slug, nameEn: slug });
  const activeFilters = [
    query.q ? { key: "q", label: query.q } : null,
    query.series ? { key: "series", label: labelOf(series, query.series) } : null,
    query.year ? { key: "year", label: String(query.year) } : null,
    query.topic ? { key: "topic", label: labelOf(topics, query.topic) } : null,
    query.region ? { key: "region", label: labelOf(regions, query.region) } : null,
  ].filter((f) => f !== null);

  return (
    <div className="catalogue">
      <FiltersFold summary={t("filtersSummary", { count: activeFilters.length })}>
        <aside className="catalogue__filters" aria-label={t("filters")}>
          <SearchForm
            t={t}
            basePath={basePath}
            query={query}
            topics={fixed.topic ? undefined : topics.map((x) => counted(x, result.facets.topics))}
            regions={regions.map((x) => counted(x, result.facets.regions))}
          />
          {fixed.series ? null : (
            <FacetList
              locale={locale}
              title={t("series")}
              allLabel={t("allSeries")}
              allHref={hrefWith("series", undefined)}
              current={query.series}
              items={series.map((s) => ({
                value: s.slug,
                label: name(s),
                count: result.facets.series ? (result.facets.series.get(s.slug) ?? 0) : null,
                href: hrefWith("series", s.slug),
              }))}
            />
          )}
          <FacetList
            locale={locale}
            title={t("year")}
            allLabel={t("allYears")}
            allHref={hrefWith("year", undefined)}
            current={query.year === undefined ? undefined : String(query.year)}
            items={result.facets.years.map((y) => ({ ...y, label: y.value, href: hrefWith("year", y.value) }))}
          />
        </aside>
      </FiltersFold>
      <section className="catalogue__results" aria-labelledby="results-title">
        <h2 id="results-title" className="visually-hidden">
          {t("results")}
        </h2>
        {problems.includes("searchTooLong") ? (
          <p className="notice notice--warning" role="status">
            {t("searchTooLong")}
          </p>
        ) : null}
        {result.timedOut ? (
          <p className="notice notice--warning" role="status" data-search-timed-out="">
            {t("searchTimedOut")}
          </p>
        ) : (
          <p className="result-count" aria-live="polite">
            {result.moreThanTotal ? t("countMore", { count: result.total }) : t("count", { count: result.total })}
          </p>
        )}
        {query.q ? <SortChoice t={t} basePath={basePath} kept={kept} current={query.sort ?? "relevance"} /> : null}
        <PublicationList
          locale={locale}
          t={t}
          items={result.items}
          snippets={result.snippets}
          words={words}
          // Nothing chosen and nothing found: a new institute's catalogue, or a series with no paper yet.
          empty={result.total === 0 && activeFilters.length === 0 ? t("emptyHere") : undefined}
        />
        {result.total === 0 && !result.timedOut && activeFilters.length > 1 ? (
          <div className="catalogue__relax">
            <p>{t("emptyWithFilters")}</p>
            <ul>
              {activeFilters.map((f) => (
                <li key={f.key}>
                  <Link href={without(f.key)}>{t("withoutFilter", { label: f.label })}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <PageLinks t={messages.pagination} page={result.page} pageCount={result.pageCount} basePath={basePath} query={kept} />
      </section>
    </div>
  );
}
