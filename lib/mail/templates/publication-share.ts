import escapeHtml from "escape-html";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";

export type SharedPublication = {
  title: string;
  authors: string[];
  date: string;
  summary: string;
  url: string;
};

export type PublicationShareMail = { subject: string; text: string; html: string };

/** Plain-text quoting: every line of the reader's words starts with "> ", blank lines too. */
const quote = (lines: string[]) => lines.flatMap((l) => l.split(/\r?\n/)).map((l) => (l ? `> ${l}` : ">"));

/**
 * The mail a reader sends. The subject and every line outside the quote are
 * the site's own words; the reader's title and message appear only inside a
 * quote marked as theirs, as plain text (escaped in HTML, never rendered).
 */
export function publicationShareMail(
  locale: Locale,
  input: { readerTitle: string; readerMessage: string; publication: SharedPublication; siteName: string },
): PublicationShareMail {
  const t = createTranslator({ locale, messages: locale === "ko" ? ko : en, namespace: "ShareMail" });
  const p = input.publication;
  // The subject names the site and the paper, never the reader's words: an inbox shows it before anything else.
  const subject = t("subject", { site: input.siteName, title: p.title.replace(/\s+/g, " ").trim() });
  const intro = t("intro", { site: input.siteName });
  const readerNote = t("readerNote", { site: input.siteName });
  const facts: [string, string][] = [
    [t("title"), p.title],
    [t("authors"), p.authors.join(", ")],
    [t("date"), p.date],
  ];
  const text = [
    intro,
    "",
    readerNote,
    ...quote([input.readerTitle, "", input.readerMessage]),
    "",
    "----",
    ...facts.map(([k, v]) => `${k}: ${v}`),
    "",
    p.summary,
    "",
    `${t("link")}: ${p.url}`,
    "",
    t("footer", { site: input.siteName }),
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;color:#1b1f24;max-width:40rem">
<p>${e(intro)}</p>
<p><strong>${e(readerNote)}</strong></p>
<blockquote style="border-left:4px solid #d8dde3;margin:0;padding:0.5rem 1rem;color:#3d4650">
<p style="margin:0 0 0.5rem;font-weight:bold">${e(input.readerTitle)}</p>
<p style="margin:0;white-space:pre-wrap">${e(input.readerMessage)}</p>
</blockquote>
<hr>
<h1 style="font-size:1.3rem"><a href="${e(p.url)}">${e(p.title)}</a></h1>
<p>${e(t("authors"))}: ${e(p.authors.join(", "))}<br>${e(t("date"))}: ${e(p.date)}</p>
<p>${e(p.summary)}</p>
<p><a href="${e(p.url)}">${e(t("link"))}</a>: ${e(p.url)}</p>
<p style="color:#4f5a66;font-size:13px">${e(t("footer", { site: input.siteName }))}</p>
</body></html>`;
  return { subject, text, html };
}
