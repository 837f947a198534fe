import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import { SubmitButton } from "./submit-button";

type Props = {
  state: ActionState;
  pending: boolean;
  submitLabel: string;
  /** Shown on the button while the action runs; the submit label otherwise. */
  pendingLabel?: string;
  /** Holds the button back for another reason than a running action, e.g. a form ticket still on its way. */
  disabled?: boolean;
  /** More to say after the action's message, e.g. that there are unsaved changes. */
  children?: ReactNode;
};

/**
 * The end of every action form: the action's answer, announced politely, and
 * the submit button (which waits for the page's script: SubmitButton).
 */
export function FormFooter({ state, pending, submitLabel, pendingLabel, disabled = false, children }: Props) {
  return (
    <>
      <p className={state.ok ? "form__status form__status--ok" : "form__status"} role="status" aria-live="polite">
        {state.message}
        {children}
      </p>
      <div className="form__actions">
        <SubmitButton disabled={pending || disabled}>{pending && pendingLabel ? pendingLabel : submitLabel}</SubmitButton>
      </div>
    </>
  );
}
