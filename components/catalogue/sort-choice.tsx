import Link from "next/link";
import type { Translator } from "@/lib/i18n/translator";

type Sort = "relevance" | "newest";

/** With a search: best match first (the default) or newest first, as two links that keep the other filters. */
type Props = { basePath: string; kept: Record<string, string>; current: Sort; t: Translator<"Listing"> };

export function SortChoice({ basePath, kept, current, t }: Props) {
  const href = (sort: Sort) => {
    const params = new URLSearchParams(kept);
    // Relevance is the default: its link carries no sort, so both orders have one address each.
    if (sort === "relevance") params.delete("sort");
    else params.set("sort", sort);
    params.delete("page");
    return `${basePath}?${params.toString()}`;
  };
  return (
    <nav className="sort-choice" aria-label={t("sortLabel")}>
      <span aria-hidden="true">{t("sortLabel")}: </span>
      <ul>
        {(["relevance", "newest"] as const).map((sort) => (
          <li key={sort}>
            <Link href={href(sort)} aria-current={sort === current ? "true" : undefined}>
              {t(sort === "relevance" ? "sortRelevance" : "sortNewest")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
