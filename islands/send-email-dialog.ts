// The "Send Email" dialog, built in the browser the first time a reader opens
// it. Why not in the page: it is 2 KB of a paper page's markup (a tenth of
// all that is not the paper), sent with every view and opened by few.
import { SendEmailDialog as en } from "../lib/i18n/messages/en.json";
import { SendEmailDialog as ko } from "../lib/i18n/messages/ko.json";
import { EMAIL_MAX, MESSAGE_MAX, TITLE_MAX } from "../lib/validations/email-share-limits";
import { inPageLanguage } from "./language";
import { tag } from "./tag";

export type SendEmailLabels = typeof en;

/** The dialog's words in the page's language. */
export const labelsFor = (element: Element): SendEmailLabels => inPageLanguage(element, { en, ko });

const ID = "send-email";

/** A labelled control with the element its errors go to, as components/form/field.tsx writes one. */
function field(
  name: "recipient" | "contentUrl" | "title" | "message",
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement,
): HTMLDivElement {
  const id = `${ID}-${name}`;
  control.id = id;
  control.name = name;
  control.setAttribute("aria-describedby", `${id}-error`);
  return tag(
    "div",
    { class: "field" },
    tag("label", { for: id }, label),
    control,
    tag("span", { id: `${id}-error`, class: "field__error", "aria-live": "polite" }),
  );
}

/** The form: what the reader fills in, the paper's address and title already there, and Send (off until a ticket comes). */
function form(t: SendEmailLabels, url: string, title: string): HTMLFormElement {
  const contentUrl = tag("input", { type: "url", readonly: true });
  contentUrl.defaultValue = url;
  // A paper's title may be longer than a reader's title may be: it is offered cut to fit.
  const titleInput = tag("input", { type: "text", required: true, maxlength: TITLE_MAX });
  titleInput.defaultValue = title.slice(0, TITLE_MAX);
  return tag(
    "form",
    { class: "form", novalidate: true },
    tag("p", { class: "form__note" }, t.required),
    field("recipient", t.recipient, tag("input", { type: "email", required: true, maxlength: EMAIL_MAX, autocomplete: "off" })),
    field("contentUrl", t.contentUrl, contentUrl),
    field("title", t.title, titleInput),
    field("message", t.message, tag("textarea", { required: true, rows: 5, maxlength: MESSAGE_MAX })),
    // For robots only: a person never sees it, a form that fills it is dropped.
    tag(
      "div",
      { class: "field field--trap", "aria-hidden": "true" },
      tag("label", { for: `${ID}-website` }, t.honeypot),
      tag("input", { id: `${ID}-website`, name: "website", type: "text", tabindex: -1, autocomplete: "off" }),
    ),
    tag("input", { type: "hidden", name: "token" }),
    tag("p", { class: "form__status", role: "status", "aria-live": "polite" }),
    tag("div", { class: "form__actions" }, tag("button", { type: "submit", disabled: true }, t.submit)),
  );
}

/**
 * The dialog, closed: its heading and close button, and the form, or a
 * notice where the site sends no mail (`available` false).
 */
export function sendEmailDialog(
  t: SendEmailLabels,
  { url, title, available }: { url: string; title: string; available: boolean },
): HTMLDialogElement {
  return tag(
    "dialog",
    { class: "dialog", "aria-labelledby": `${ID}-heading` },
    tag(
      "div",
      { class: "dialog__head" },
      tag("h2", { id: `${ID}-heading` }, t.dialogTitle),
      tag("button", { type: "button", class: "dialog__close", "aria-label": t.close, "data-close": true }, "×"),
    ),
    available ? form(t, url, title) : tag("p", { class: "notice notice--warning" }, t.notConfigured),
  );
}
