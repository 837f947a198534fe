import { getTranslations } from "next-intl/server";
import type { TocEntry } from "@/lib/markdown/render";

/** The paper's sections; `language`, the paper's, is given where the list around them is in another. */
export async function TableOfContents({ toc, language }: { toc: TocEntry[]; language?: string }) {
  if (toc.length === 0) return null;
  const t = await getTranslations("Publication");
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{t("contents")}</h2>
      <ol>
        {toc.map((entry) => (
          // Only a subsection is marked (indented): the class on every entry was a tenth of the list's bytes.
          <li key={entry.id} className={entry.level === 2 ? undefined : `toc__item--h${entry.level}`}>
            <a href={`#${entry.id}`} lang={language}>
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
