import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PaperDate } from "@/components/publication-list";
import type { PublicationListItem } from "@/lib/data/publications";
import { authorName, seriesName } from "@/lib/i18n/localized";

/**
 * A few papers beside the page's own: title, then series, number, authors and
 * date on one line. Not the catalogue's list (components/publication-list.tsx):
 * without its subtitle, hit count, spoken labels and a class on every part,
 * for this is sent with every view of a page that is there for its own paper.
 * An item's language is marked where it is not the menus'.
 */
export async function RelatedPublications({ items }: { items: PublicationListItem[] }) {
  if (items.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("Publication"), getLocale()]);
  return (
    <section className="related no-print" aria-labelledby="related-title">
      <h2 id="related-title">{t("related")}</h2>
      <ol>
        {items.map((p) => (
          <li key={p.id}>
            <h3>
              <Link href={`/${locale}/publications/${p.id}`} lang={p.language === locale ? undefined : p.language}>
                {p.title}
              </Link>
            </h3>
            <p>
              {seriesName(p.series, locale)} {p.reportNumber} · {p.authors.map((a) => authorName(a, locale)).join(", ")} ·{" "}
              <PaperDate date={p.publishedAt} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
