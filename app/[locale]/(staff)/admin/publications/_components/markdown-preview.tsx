"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { renderMarkdown, type RenderedMarkdown } from "@/lib/markdown/render";

/** The same renderer and sanitizer the reader page uses, run in the browser as the editor types. */
export function MarkdownPreview({ markdown, language }: { markdown: string; language: string }) {
  const t = useTranslations("Editor");
  const [rendered, setRendered] = useState<RenderedMarkdown>({ html: "", toc: [] });
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      void renderMarkdown(markdown).then((r) => {
        if (!stale) setRendered(r);
      });
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [markdown]);
  return (
    // Focusable: a long preview scrolls inside its box, and keyboard users scroll it once it has focus.
    <section className="preview" aria-labelledby="preview-title" tabIndex={0}>
      <h2 id="preview-title">{t("preview")}</h2>
      <p className="field__hint">{t("previewHelp")}</p>
      <h3>{t("toc")}</h3>
      {rendered.toc.length ? (
        <ol className="preview__toc" data-testid="preview-toc">
          {rendered.toc.map((e) => (
            <li key={e.id} className={`toc__item--h${e.level}`}>
              {e.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="field__hint">{t("noToc")}</p>
      )}
      <div
        className="prose preview__body"
        lang={language}
        data-testid="preview-body"
        dangerouslySetInnerHTML={{ __html: rendered.html }}
      />
    </section>
  );
}
