import Link from "next/link";
import type { Translator } from "@/lib/i18n/translator";

export type PageLinksProps = {
  page: number;
  pageCount: number;
  basePath: string;
  /** Active filters, kept on every page link. */
  query: Record<string, string>;
};

function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

/**
 * A listing's page links. No data of its own: the catalogue's results are
 * rendered by the portal's server too (server/catalogue-pages.ts).
 */
export function PageLinks({ page, pageCount, basePath, query, t }: PageLinksProps & { t: Translator<"Pagination"> }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const qs = new URLSearchParams({ ...query, ...(p > 1 ? { page: String(p) } : {}) }).toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav className="pagination" aria-label={t("label")}>
      <ul>
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev">
              {t("previous")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <Link href={href(p)} aria-label={t("page", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next">
              {t("next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
