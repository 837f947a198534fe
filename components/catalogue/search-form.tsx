import Link from "next/link";
import type { Translator } from "@/lib/i18n/translator";
import { SEARCH_MAX_LENGTH, type ListingQuery } from "@/lib/validations/publications";

type Option = { value: string; label: string };
/** `topics` undefined: the page fixes the topic, so there is no choice to offer. */
type Props = { basePath: string; query: ListingQuery; topics?: Option[]; regions: Option[]; t: Translator<"Listing"> };

/** A plain GET form: works without JavaScript and leaves a shareable URL. */
export function SearchForm({ basePath, query, topics, regions, t }: Props) {
  return (
    <form className="search-form" action={basePath} method="get" role="search">
      <label htmlFor="q">{t("searchLabel")}</label>
      <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={SEARCH_MAX_LENGTH} />
      {topics ? <Choice name="topic" label={t("topic")} allLabel={t("allTopics")} value={query.topic} options={topics} /> : null}
      <Choice name="region" label={t("region")} allLabel={t("allRegions")} value={query.region} options={regions} />
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

type ChoiceProps = { name: string; label: string; allLabel: string; value: string | undefined; options: Option[] };

/** One labelled drop-down of the form, "all" first. */
function Choice({ name, label, allLabel, value, options }: ChoiceProps) {
  return (
    <>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
