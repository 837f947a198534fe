// Types only: nothing of the server's module comes into the bundle.
import type { EmailShareState } from "@/lib/email-share/answer";
import { Island } from "./define";

/** How long "sent" shows before the dialog closes. */
const CLOSE_AFTER_SENT_MS = 1500;

const FOCUSABLE = "button, input, textarea, select, a[href]";

/**
 * <send-email>: the "Send Email" button and its dialog. A native <dialog>
 * opened with showModal() keeps focus inside and closes on Esc; focus goes
 * back to the button afterwards. Opening asks the form's endpoint
 * (data-endpoint) for a signed ticket (the page may be cached, tickets are
 * not), and Send waits for it. The form posts to the same endpoint as
 * JSON; its answer's messages go beside each field and into the status,
 * and what the reader typed stays when a submission is refused.
 */
export class SendEmail extends Island {
  protected start(signal: AbortSignal) {
    const opener = this.child<HTMLButtonElement>("[data-open]");
    const dialog = this.child<HTMLDialogElement>("dialog");
    if (!opener || !dialog) return;
    const form = dialog.querySelector("form");
    const on = <K extends keyof HTMLElementEventMap>(
      target: HTMLElement | null | undefined,
      type: K,
      listener: (e: HTMLElementEventMap[K]) => void,
    ) => target?.addEventListener(type, listener, { signal });

    on(opener, "click", () => {
      dialog.showModal();
      if (form) this.openForm(form);
    });
    on(dialog.querySelector<HTMLElement>("[data-close]"), "click", () => dialog.close());
    on(dialog, "close", () => opener.focus());
    on(dialog, "keydown", (e) => trapFocus(dialog, e));
    on(form, "submit", (e) => {
      e.preventDefault();
      if (form) void this.send(form, dialog);
    });
  }

  private endpoint(): string {
    return this.dataset.endpoint ?? "";
  }

  /** A ticket when the form has none: a refused submission keeps its own, a sent form's is dropped (send). */
  private openForm(form: HTMLFormElement) {
    const { token, submit, status } = parts(form);
    (form.elements.namedItem("recipient") as HTMLInputElement | null)?.focus();
    if (token.value) return;
    submit.disabled = true;
    fetch(this.endpoint(), { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ token: string }>) : Promise.reject(new Error(String(r.status)))))
      .then(({ token: ticket }) => {
        token.value = ticket;
        submit.disabled = false;
      })
      .catch(() => showStatus(status, { ok: false, message: this.dataset.failed }));
  }

  private async send(form: HTMLFormElement, dialog: HTMLDialogElement) {
    const { token, submit, status } = parts(form);
    if (submit.disabled) return;
    const label = submit.textContent;
    submit.disabled = true;
    submit.textContent = this.dataset.sending ?? label;
    let state: EmailShareState;
    try {
      const response = await fetch(this.endpoint(), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        // The form holds text fields only.
        body: JSON.stringify(Object.fromEntries(new FormData(form))),
      });
      state = (await response.json()) as EmailShareState;
    } catch {
      state = { ok: false, message: this.dataset.failed };
    }
    submit.textContent = label;
    submit.disabled = false;
    showStatus(status, state);
    showFieldErrors(form, state.fieldErrors ?? {});
    if (!state.ok) return;
    // Said; then a fresh form, with a fresh ticket at the next opening.
    submit.disabled = true;
    setTimeout(() => {
      form.reset();
      token.value = "";
      submit.disabled = false;
      dialog.close();
    }, CLOSE_AFTER_SENT_MS);
  }
}

function parts(form: HTMLFormElement) {
  return {
    token: form.elements.namedItem("token") as HTMLInputElement,
    submit: form.querySelector<HTMLButtonElement>("button[type=submit]")!,
    status: form.querySelector<HTMLElement>(".form__status")!,
  };
}

function showStatus(status: HTMLElement, state: Pick<EmailShareState, "ok" | "message">) {
  status.textContent = state.message ?? "";
  status.classList.toggle("form__status--ok", state.ok);
}

/** Each field's errors in the element its control points to (components/form/field.tsx). */
function showFieldErrors(form: HTMLFormElement, errors: Partial<Record<string, string[]>>) {
  for (const control of form.querySelectorAll<HTMLElement>("[aria-describedby]")) {
    const name = control.getAttribute("name") ?? "";
    const messages = errors[name] ?? [];
    const box = document.getElementById(`${control.id}-error`);
    if (box) box.textContent = messages.join(" ");
    if (messages.length > 0) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  }
}

/**
 * A modal <dialog> makes the page inert, but Tab past its last control would
 * leave for the browser's own UI: wrap around instead.
 */
function trapFocus(dialog: HTMLDialogElement, event: KeyboardEvent) {
  if (event.key !== "Tab") return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
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
}
