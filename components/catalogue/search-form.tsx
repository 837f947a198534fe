import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SEARCH_MAX_LENGTH, type ListingQuery } from "@/lib/validations/publications";

type Option = { value: string; label: string };
type Props = { basePath: string; query: ListingQuery; topics: Option[]; regions: Option[] };

/** A plain GET form: works without JavaScript and leaves a shareable URL. */
export async function SearchForm({ basePath, query, topics, regions }: Props) {
  const t = await getTranslations("Listing");
  return (
    <form className="search-form" action={basePath} method="get" role="search">
      <label htmlFor="q">{t("searchLabel")}</label>
      <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={SEARCH_MAX_LENGTH} />
      <label htmlFor="topic">{t("topic")}</label>
      <select id="topic" name="topic" defaultValue={query.topic ?? ""}>
        <option value="">{t("allTopics")}</option>
        {topics.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor="region">{t("region")}</label>
      <select id="region" name="region" defaultValue={query.region ?? ""}>
        <option value="">{t("allRegions")}</option>
        {regions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {/* Filters chosen elsewhere on the page survive a new search. */}
      {query.series ? <input type="hidden" name="series" value={query.series} /> : null}
      {query.year ? <input type="hidden" name="year" value={query.year} /> : null}
      {query.author ? <input type="hidden" name="author" value={query.author} /> : null}
      <div className="search-form__actions">
        <button type="submit">{t("search")}</button>
        <Link href={basePath}>{t("clear")}</Link>
      </div>
    </form>
  );
}
