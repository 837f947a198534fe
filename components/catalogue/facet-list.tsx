import Link from "next/link";
import { formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/routing";

/** `count` null: not counted (a search past the count's cap, lib/data/search-slice.ts). */
type Item = { value: string; label: string; count: number | null; href: string };

type Props = { locale: Locale; title: string; allLabel: string; allHref: string; current?: string; items: Item[] };

/** A filter as a list of links with how many papers each would show, when counted. */
export function FacetList({ locale, title, allLabel, allHref, current, items }: Props) {
  return (
    <nav className="facet" aria-label={title}>
      <h2 className="facet__title">{title}</h2>
      <ul>
        <li>
          <Link href={allHref} aria-current={current === undefined ? "true" : undefined}>
            {allLabel}
          </Link>
        </li>
        {items.map((item) => (
          <li key={item.value}>
            <Link href={item.href} aria-current={current === item.value ? "true" : undefined}>
              {item.label}
              {item.count === null ? null : <span className="facet__count"> ({formatNumber(item.count, locale)})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
