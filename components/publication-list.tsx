import Link from "next/link";
import { Fragment } from "react";
import type { PublicationListItem } from "@/lib/data/publications";
import type { ResultSnippet } from "@/lib/data/search-snippets";
import { formatIsoDate, formatNumber } from "@/lib/format";
import { authorName, seriesName } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { Translator } from "@/lib/i18n/translator";
import { wordMarks } from "@/lib/search/snippet";
import type { QueryWord } from "@/lib/search/tokens";
import { MarkedText } from "./marked-text";
import { SearchSnippet } from "./search-snippet";

type Props = {
  items: PublicationListItem[];
  locale: Locale;
  t: Translator<"Listing">;
  headingLevel?: 2 | 3;
  /** Search results: where each paper matched, by id. */
  snippets?: Record<number, ResultSnippet>;
  /** Search results: the search's words, marked in each paper's title, subtitle and authors' names. */
  words?: QueryWord[];
  /** What an empty list says; by default that nothing matches the filters. */
  empty?: string;
};

/**
 * Papers as a list. An item's language is marked only where it is not the
 * page's (a Korean paper under the English menus), as is its byline's then.
 * No data of its own: the catalogue's results are rendered by the portal's
 * server too (server/catalogue-pages.ts), outside Next.js.
 */
export function PublicationList({ items, locale, t, headingLevel = 2, snippets = {}, words = [], empty }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // A paper found by its title or an author shows no snippet: the marks say why it is listed.
  const marked = (text: string) => (words.length > 0 ? <MarkedText text={text} marks={wordMarks(text, words)} /> : text);
  if (items.length === 0) return <p className="empty">{empty ?? t("empty")}</p>;
  return (
    <ol className="pub-list">
      {items.map((p) => (
        <li key={p.id} className="pub-list__item" lang={p.language === locale ? undefined : p.language}>
          <p className="pub-list__meta">
            <span className="pub-list__series">{seriesName(p.series, locale)}</span>{" "}
            <span className="pub-list__number">{p.reportNumber}</span>
          </p>
          <Heading className="pub-list__title">
            <Link href={`/${locale}/publications/${p.id}`}>{marked(p.title)}</Link>
          </Heading>
          {p.subtitle ? <p className="pub-list__subtitle">{marked(p.subtitle)}</p> : null}
          <p className="pub-list__byline" lang={p.language === locale ? undefined : locale}>
            <span className="visually-hidden">{t("authors")}: </span>
            {words.length > 0
              ? p.authors.map((a, i) => (
                  <Fragment key={a.id}>
                    {i > 0 ? ", " : null}
                    {marked(authorName(a, locale))}
                  </Fragment>
                ))
              : p.authors.map((a) => authorName(a, locale)).join(", ")}
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">{t("date")}: </span>
            <PaperDate date={p.publishedAt} />
            <span aria-hidden="true"> · </span>
            {t("hits")} {formatNumber(p.hits, locale)}
          </p>
          {snippets[p.id] ? <SearchSnippet snippet={snippets[p.id]!} t={t} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** A paper's date as the institution's calendar has it, machine-readable as the same day. */
export function PaperDate({ date }: { date: Date }) {
  const day = formatIsoDate(date);
  return <time dateTime={day}>{day}</time>;
}
