"use client";

import { useActionState } from "react";
import { FormFooter } from "@/components/form/form-footer";
import type { AlertActionState } from "../actions";

/** One button that posts a signed link's action (confirm, unsubscribe, erase) and says what came of it. */
export function TokenAction({
  action,
  label,
  help,
}: {
  action: (state: AlertActionState) => Promise<AlertActionState>;
  label: string;
  help?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="form">
      {help ? <p>{help}</p> : null}
      {state.done ? (
        <p className="form__status form__status--ok" role="status">
          {state.message}
        </p>
      ) : (
        <FormFooter state={state} pending={pending} submitLabel={label} />
      )}
    </form>
  );
}
