"use client";

import { useActionState, useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState } from "@/lib/actions/state";
import type { EmailShareState } from "../actions";
import type { EmailShareField } from "@/lib/validations/email-share";
import { EMAIL_MAX, MESSAGE_MAX, TITLE_MAX } from "@/lib/validations/email-share-limits";

type Props = {
  action: (state: EmailShareState, formData: FormData) => Promise<EmailShareState>;
  openForm: () => Promise<string>;
  configured: boolean;
  defaults: { contentUrl: string; title: string };
};

/**
 * The "Send Email" dialog. A native <dialog> opened with showModal() keeps
 * focus inside and closes on Esc; focus goes back to the button afterwards.
 */
export function SendEmailDialog({ action, openForm, configured, defaults }: Props) {
  const t = useTranslations("SendEmail");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [state, formAction, pending] = useActionState<EmailShareState, FormData>(action, initialActionState);
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

  // Each field's label and errors, tied to its control by the shared Field.
  const field = (f: EmailShareField) => ({ id: `${ids}-${f}`, label: t(f), errors: state.fieldErrors?.[f] });
  // The fields the reader types in, bound to `values` so a refused submission keeps them.
  const bound = (f: keyof typeof values) => ({
    name: f,
    value: values[f],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [f]: e.target.value })),
  });

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
            <Field {...field("recipient")}>
              {(control) => (
                <input
                  {...control}
                  {...bound("recipient")}
                  type="email"
                  required
                  maxLength={EMAIL_MAX}
                  autoComplete="off"
                  autoFocus
                />
              )}
            </Field>
            <Field {...field("contentUrl")}>
              {(control) => <input {...control} name="contentUrl" type="url" readOnly value={defaults.contentUrl} />}
            </Field>
            <Field {...field("title")}>
              {(control) => <input {...control} {...bound("title")} type="text" required maxLength={TITLE_MAX} />}
            </Field>
            <Field {...field("message")}>
              {(control) => <textarea {...control} {...bound("message")} required rows={5} maxLength={MESSAGE_MAX} />}
            </Field>
            <div className="field field--trap" aria-hidden="true">
              <label htmlFor={`${ids}-website`}>{t("honeypot")}</label>
              <input id={`${ids}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <input type="hidden" name="token" value={token} />
            <FormFooter state={state} pending={pending} disabled={!token} submitLabel={t("submit")} pendingLabel={t("sending")} />
          </form>
        )}
      </dialog>
    </>
  );
}
