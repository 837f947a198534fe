import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Sort = "relevance" | "newest";

/** With a search: best match first (the default) or newest first, as two links that keep the other filters. */
export async function SortChoice({ basePath, kept, current }: { basePath: string; kept: Record<string, string>; current: Sort }) {
  const t = await getTranslations("Listing");
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
