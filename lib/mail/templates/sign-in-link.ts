import escapeHtml from "escape-html";
import { createTranslator } from "next-intl";
import { locales, type Locale } from "@/lib/i18n/routing";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import type { SiteSettings } from "@/lib/site-settings/types";

export type SignInLinkMail = { subject: string; text: string; html: string };

type Input = {
  /** The link exactly as mailed. */
  url: string;
  expires: Date;
  /** The reader's language; null when the request does not tell (both languages then, Korean first). */
  locale: Locale | null;
  /** An administrator's invitation rather than a link the person asked for. */
  invitation: boolean;
  appUrl: string;
  /** Who sends it: the site's title and institution, as the admins set them. */
  site: Pick<SiteSettings, "siteTitle" | "institutionName">;
};

/** One language's words of the mail. */
function words(locale: Locale, input: Input, minutes: number) {
  const t = createTranslator({ locale, messages: locale === "ko" ? ko : en, namespace: "SignInMail" });
  const site = input.site.siteTitle[locale];
  const invited = input.invitation;
  return {
    locale,
    subject: t(invited ? "invitationSubject" : "subject", { site }),
    heading: t(invited ? "invitationHeading" : "heading", { site }),
    action: t(invited ? "invitationAction" : "action"),
    button: t("button"),
    expiry: t("expiry", { minutes }),
    later: invited ? t("invitationLater", { url: `${input.appUrl}/${locale}/sign-in` }) : undefined,
    ignore: t(invited ? "invitationIgnore" : "ignore"),
    footer: t("footer", { site, institution: input.site.institutionName[locale] }),
  };
}

type Words = ReturnType<typeof words>;

const textSection = (w: Words, url: string) =>
  [w.heading, "", w.action, url, "", w.expiry, ...(w.later ? [w.later] : []), w.ignore, "", w.footer].join("\n");

function htmlSection(w: Words, url: string) {
  const e = escapeHtml;
  // Pixels: SpamAssassin takes a size such as 0.85rem for invisible text (__FONT_INVIS).
  const small = "font-size:13px;color:#4f5a66";
  return `<div lang="${w.locale}" style="max-width:36rem">
<h1 style="font-size:1.25rem;margin:0 0 1rem">${e(w.heading)}</h1>
<p>${e(w.action)}</p>
<p><a href="${e(url)}" style="display:inline-block;padding:10px 18px;background:#0b3d6e;color:#ffffff;text-decoration:none;border-radius:6px">${e(w.button)}</a></p>
<p style="${small};word-break:break-all">${e(url)}</p>
<p>${e(w.expiry)}</p>
${w.later ? `<p>${e(w.later)}</p>\n` : ""}<p>${e(w.ignore)}</p>
<p style="${small}">${e(w.footer)}</p>
</div>`;
}

/**
 * The sign-in (or invitation) mail, in the reader's language when the request
 * tells it. Both parts say the same things, the link on a line of its own.
 */
export function signInLinkMail(input: Input): SignInLinkMail {
  const minutes = Math.max(1, Math.round((input.expires.getTime() - Date.now()) / 60_000));
  const sections = (input.locale ? [input.locale] : locales).map((l) => words(l, input, minutes));
  const subject = sections.map((w) => w.subject).join(" / ");
  const text = sections.map((w) => textSection(w, input.url)).join("\n\n----\n\n");
  const html = `<!doctype html><html lang="${sections[0]!.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:sans-serif;line-height:1.5;color:#1b1f24">
${sections.map((w) => htmlSection(w, input.url)).join('\n<hr style="border:0;border-top:1px solid #d8dde3;margin:24px 0">\n')}
</body></html>`;
  return { subject, text, html };
}
