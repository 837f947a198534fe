import escapeHtml from "escape-html";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";

export type AlertMailParts = { subject: string; text: string; html: string };

const translator = (locale: Locale) => createTranslator({ locale, messages: locale === "ko" ? ko : en, namespace: "AlertMail" });

const e = escapeHtml;
// Pixels: SpamAssassin takes a size such as 0.85rem for invisible text (__FONT_INVIS).
const SMALL = "font-size:13px;color:#4f5a66";
const BUTTON = "display:inline-block;padding:10px 18px;background:#0b3d6e;color:#ffffff;text-decoration:none;border-radius:6px";

function page(locale: Locale, subject: string, body: string) {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:sans-serif;line-height:1.5;color:#1b1f24"><div style="max-width:40rem">
${body}
</div></body></html>`;
}

/**
 * The double opt-in mail. Only the site's own words and the link: nothing a
 * stranger typed (no name, no note), so the form cannot be used to send
 * someone a message in the institute's name.
 */
export function alertConfirmationMail(locale: Locale, input: { site: string; url: string; hours: number }): AlertMailParts {
  const t = translator(locale);
  const subject = t("confirmSubject", { site: input.site });
  const intro = t("confirmIntro", { site: input.site });
  const ignore = t("confirmIgnore", { hours: input.hours });
  const text = [intro, "", `${t("confirmAction")}:`, input.url, "", ignore].join("\n");
  const html = page(
    locale,
    subject,
    `<p>${e(intro)}</p>
<p><a href="${e(input.url)}" style="${BUTTON}">${e(t("confirmAction"))}</a></p>
<p style="${SMALL};word-break:break-all">${e(input.url)}</p>
<p>${e(ignore)}</p>`,
  );
  return { subject, text, html };
}

export type AlertMailPaper = {
  title: string;
  authors: string[];
  date: string;
  summary: string;
  url: string;
  pdfUrl: string | null;
};

/** One new paper (an instant alert) or several (the daily digest), with the links to change or stop alerts. */
export function alertMail(
  locale: Locale,
  input: { site: string; papers: AlertMailPaper[]; digest: boolean; manageUrl: string },
): AlertMailParts {
  const t = translator(locale);
  const { site, papers } = input;
  const first = papers[0];
  if (!first) throw new Error("An alert needs at least one paper.");
  const subject = input.digest
    ? t("digestSubject", { site, count: papers.length })
    : t("alertSubject", { site, title: first.title.replace(/\s+/g, " ").trim() });
  const intro = input.digest ? t("digestIntro", { site }) : t("alertIntro", { site });
  const footer = [t("why", { site }), `${t("manage")} / ${t("unsubscribe")}: ${input.manageUrl}`];

  const paperText = (p: AlertMailPaper) =>
    [
      p.title,
      `${t("authors")}: ${p.authors.join(", ")}`,
      `${t("date")}: ${p.date}`,
      "",
      p.summary,
      "",
      `${t("read")}: ${p.url}`,
      ...(p.pdfUrl ? [`${t("pdf")}: ${p.pdfUrl}`] : []),
    ].join("\n");
  const text = [intro, "", papers.map(paperText).join("\n\n----\n\n"), "", "----", ...footer].join("\n");

  const paperHtml = (
    p: AlertMailPaper,
  ) => `<h2 style="font-size:1.2rem;margin:1.5rem 0 0.5rem"><a href="${e(p.url)}">${e(p.title)}</a></h2>
<p style="margin:0">${e(t("authors"))}: ${e(p.authors.join(", "))}<br>${e(t("date"))}: ${e(p.date)}</p>
<p>${e(p.summary)}</p>
<p><a href="${e(p.url)}">${e(t("read"))}</a>${p.pdfUrl ? ` · <a href="${e(p.pdfUrl)}">${e(t("pdf"))}</a>` : ""}</p>`;
  const html = page(
    locale,
    subject,
    `<p>${e(intro)}</p>
${papers.map(paperHtml).join('\n<hr style="border:0;border-top:1px solid #d8dde3">\n')}
<hr style="border:0;border-top:1px solid #d8dde3;margin:24px 0">
<p style="${SMALL}">${e(t("why", { site }))}<br><a href="${e(input.manageUrl)}">${e(t("manage"))}</a> · <a href="${e(input.manageUrl)}">${e(t("unsubscribe"))}</a></p>`,
  );
  return { subject, text, html };
}
