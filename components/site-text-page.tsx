import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { otherLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { renderMarkdown } from "@/lib/markdown/render";

type Props = { locale: Locale; path: string; title: string; markdown: string; children?: ReactNode };

/** A page of the institution's own text (privacy policy, accessibility statement): its Markdown, rendered and sanitized like a paper's. */
export async function SiteTextPage({ locale, path, title, markdown, children }: Props) {
  const { html } = await renderMarkdown(markdown);
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}${path}`} />
      <main id="main" className="page" tabIndex={-1}>
        <h1>{title}</h1>
        <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
        {children}
      </main>
    </>
  );
}
