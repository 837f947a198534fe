// Types only: nothing of the server's module comes into the bundle.
import type { EmailShareState } from "@/lib/email-share/answer";
import { Island } from "./define";
import { labelsFor, sendEmailDialog } from "./send-email-dialog";

/** How long "sent" shows before the dialog closes. */
const CLOSE_AFTER_SENT_MS = 1500;

const FOCUSABLE = "button, input, textarea, select, a[href]";

/**
 * <send-email>: the "Send Email" button, and the dialog it opens, built the
 * first time (islands/send-email-dialog.ts) from data-url and data-title
 * (the paper's, given once for the islands around it), or as a notice
 * where data-unavailable says the site sends no mail. A native <dialog>
 * opened with showModal() keeps focus inside and closes on Esc; focus goes
 * back to the button afterwards. Opening asks the form's endpoint
 * (data-endpoint) for a signed ticket (the page may be cached, tickets are
 * not), and Send waits for it. The form posts to the same endpoint as JSON;
 * its answer's messages go beside each field and into the status, and what
 * the reader typed stays when a submission is refused, until the page is
 * left.
 */
export class SendEmail extends Island {
  protected start(signal: AbortSignal) {
    const opener = this.child<HTMLButtonElement>("button");
    if (!opener) return;
    // Back on the page after React moved it: the dialog built before listens again.
    const built = this.child<HTMLDialogElement>("dialog");
    if (built) this.listen(opener, built, signal);
    opener.addEventListener(
      "click",
      () => {
        const dialog = this.child<HTMLDialogElement>("dialog") ?? this.build(opener, signal);
        dialog.showModal();
        const form = dialog.querySelector("form");
        if (form) this.openForm(form);
      },
      { signal },
    );
  }

  /** The dialog, at its first opening, inside this element and listened to. */
  private build(opener: HTMLButtonElement, signal: AbortSignal): HTMLDialogElement {
    const dialog = sendEmailDialog(labelsFor(this), {
      url: this.data("url") ?? "",
      title: this.data("title") ?? "",
      available: this.dataset.unavailable === undefined,
    });
    this.append(dialog);
    this.listen(opener, dialog, signal);
    return dialog;
  }

  private listen(opener: HTMLButtonElement, dialog: HTMLDialogElement, signal: AbortSignal) {
    const form = dialog.querySelector("form");
    dialog.querySelector("[data-close]")?.addEventListener("click", () => dialog.close(), { signal });
    dialog.addEventListener("close", () => opener.focus(), { signal });
    dialog.addEventListener("keydown", (e) => trapFocus(dialog, e), { signal });
    form?.addEventListener(
      "submit",
      (e) => {
        e.preventDefault();
        void this.send(form, dialog);
      },
      { signal },
    );
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
      .catch(() => showStatus(status, { ok: false, message: labelsFor(this).failed }));
  }

  private async send(form: HTMLFormElement, dialog: HTMLDialogElement) {
    const { token, submit, status } = parts(form);
    if (submit.disabled) return;
    const label = submit.textContent;
    submit.disabled = true;
    submit.textContent = labelsFor(this).sending;
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
      state = { ok: false, message: labelsFor(this).failed };
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
