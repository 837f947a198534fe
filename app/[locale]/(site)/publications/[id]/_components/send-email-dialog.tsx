"use client";

import { useActionState, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { EmailShareState } from "../actions";
import type { EmailShareField } from "@/lib/validations/email-share";
import { EMAIL_MAX, MESSAGE_MAX, TITLE_MAX } from "@/lib/validations/email-share-limits";

type Props = {
  action: (state: EmailShareState, formData: FormData) => Promise<EmailShareState>;
  openForm: () => Promise<string>;
  configured: boolean;
  defaults: { contentUrl: string; title: string };
};

const initial: EmailShareState = { ok: false };

/**
 * The "Send Email" dialog. A native <dialog> opened with showModal() keeps
 * focus inside and closes on Esc; focus goes back to the button afterwards.
 */
export function SendEmailDialog({ action, openForm, configured, defaults }: Props) {
  const t = useTranslations("SendEmail");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [state, formAction, pending] = useActionState(action, initial);
  const [token, setToken] = useState("");
  // Controlled fields: what the reader typed stays after a refused submission.
  // A paper's title may be longer than a reader's title may be: it is offered cut to fit.
  const defaultTitle = defaults.title.slice(0, TITLE_MAX);
  const [values, setValues] = useState({ recipient: "", title: defaultTitle, message: "" });
  const ids = useId();

  // A modal <dialog> makes the page inert, but Tab past its last control would
  // leave for the browser's own UI: wrap around instead.
  const trapFocus = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>("button, input, textarea, select, a[href]")].filter(
      (el) =>
        !el.hasAttribute("disabled") &&
        el.tabIndex >= 0 &&
        el.getAttribute("type") !== "hidden" &&
        !el.closest("[aria-hidden=true]"),
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const open = () => {
    dialog.current?.showModal();
    if (configured) void openForm().then(setToken);
  };
  const close = () => dialog.current?.close();

  useEffect(() => {
    if (!state.ok || !state.sentAt) return;
    // Say so, then close; the next opening starts a fresh form with a fresh ticket.
    const timer = setTimeout(() => {
      setValues({ recipient: "", title: defaultTitle, message: "" });
      setToken("");
      close();
    }, 1500);
    return () => clearTimeout(timer);
  }, [state.ok, state.sentAt, defaultTitle]);

  const errorId = (f: EmailShareField) => `${ids}-${f}-error`;
  const fieldProps = (f: EmailShareField) => ({
    id: `${ids}-${f}`,
    name: f,
    "aria-describedby": errorId(f),
    "aria-invalid": state.fieldErrors?.[f] ? true : undefined,
  });
  const error = (f: EmailShareField): ReactNode => (
    <span id={errorId(f)} className="field__error" aria-live="polite">
      {state.fieldErrors?.[f]?.join(" ")}
    </span>
  );

  return (
    <>
      <button ref={opener} type="button" className="action-button no-print" aria-haspopup="dialog" onClick={open}>
        {t("open")}
      </button>
      <dialog
        ref={dialog}
        className="dialog"
        aria-labelledby={`${ids}-heading`}
        onClose={() => opener.current?.focus()}
        onKeyDown={trapFocus}
      >
        <div className="dialog__head">
          <h2 id={`${ids}-heading`}>{t("dialogTitle")}</h2>
          <button type="button" className="dialog__close" onClick={close} aria-label={t("close")}>
            ×
          </button>
        </div>
        {!configured ? (
          <p className="notice notice--warning">{t("notConfigured")}</p>
        ) : (
          <form action={formAction} className="form" noValidate>
            <p className="form__note">{t("required")}</p>
            <div className="field">
              <label htmlFor={`${ids}-recipient`}>{t("recipient")}</label>
              <input
                {...fieldProps("recipient")}
                type="email"
                required
                maxLength={EMAIL_MAX}
                autoComplete="off"
                value={values.recipient}
                onChange={(e) => setValues((v) => ({ ...v, recipient: e.target.value }))}
                autoFocus
              />
              {error("recipient")}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-contentUrl`}>{t("contentUrl")}</label>
              <input {...fieldProps("contentUrl")} type="url" readOnly value={defaults.contentUrl} />
              {error("contentUrl")}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-title`}>{t("title")}</label>
              <input
                {...fieldProps("title")}
                type="text"
                required
                maxLength={TITLE_MAX}
                value={values.title}
                onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
              />
              {error("title")}
            </div>
            <div className="field">
              <label htmlFor={`${ids}-message`}>{t("message")}</label>
              <textarea
                {...fieldProps("message")}
                required
                rows={5}
                maxLength={MESSAGE_MAX}
                value={values.message}
                onChange={(e) => setValues((v) => ({ ...v, message: e.target.value }))}
              />
              {error("message")}
            </div>
            <div className="field field--trap" aria-hidden="true">
              <label htmlFor={`${ids}-website`}>{t("honeypot")}</label>
              <input id={`${ids}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <input type="hidden" name="token" value={token} />
            <p className={state.ok ? "form__status form__status--ok" : "form__status"} role="status" aria-live="polite">
              {state.message}
            </p>
            <div className="form__actions">
              <button type="submit" disabled={pending || !token}>
                {pending ? t("sending") : t("submit")}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
