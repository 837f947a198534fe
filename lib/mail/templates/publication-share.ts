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

/**
 * The mail a reader sends: a line saying who it is from in general terms,
 * their message as plain text (escaped in HTML, never rendered), then the paper.
 */
export function publicationShareMail(
  locale: Locale,
  input: { subject: string; message: string; publication: SharedPublication; siteName: string },
): PublicationShareMail {
  const t = createTranslator({ locale, messages: locale === "ko" ? ko : en, namespace: "ShareMail" });
  const p = input.publication;
  const intro = t("intro", { site: input.siteName });
  const facts: [string, string][] = [
    [t("title"), p.title],
    [t("authors"), p.authors.join(", ")],
    [t("date"), p.date],
  ];
  const text = [
    intro,
    "",
    `${t("message")}:`,
    input.message,
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
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(input.subject)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;color:#1b1f24;max-width:40rem">
<p>${e(intro)}</p>
<p><strong>${e(t("message"))}:</strong></p>
<blockquote style="white-space:pre-wrap;border-left:4px solid #d8dde3;margin:0;padding:0.5rem 1rem">${e(input.message)}</blockquote>
<hr>
<h1 style="font-size:1.3rem"><a href="${e(p.url)}">${e(p.title)}</a></h1>
<p>${e(t("authors"))}: ${e(p.authors.join(", "))}<br>${e(t("date"))}: ${e(p.date)}</p>
<p>${e(p.summary)}</p>
<p><a href="${e(p.url)}">${e(t("link"))}</a>: ${e(p.url)}</p>
<p style="color:#4f5a66;font-size:0.85rem">${e(t("footer", { site: input.siteName }))}</p>
</body></html>`;
  return { subject: input.subject, text, html };
}
