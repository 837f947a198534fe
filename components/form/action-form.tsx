"use client";

import { useActionState, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { FormFooter } from "./form-footer";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  /** The fields, given the last answer so each can show its own errors. */
  children: (state: ActionState) => ReactNode;
};

/** A form bound to a server action: its fields, the action's message announced politely, and the submit button. */
export function ActionForm({ action, submitLabel, children }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="form" noValidate>
      {children(state)}
      <FormFooter state={state} pending={pending} submitLabel={submitLabel} />
    </form>
  );
}
