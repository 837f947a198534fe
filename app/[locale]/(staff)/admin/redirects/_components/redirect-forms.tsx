"use client";

import { useActionState, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/form/form-field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { SubmitButton } from "@/components/form/submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
const EMPTY = { fromPath: "", toPath: "" };

/** A new rule: old path → path on this site. Controlled, so a refused rule keeps what was typed; emptied once added. */
export function CreateRedirectForm({ action }: { action: Action }) {
  const t = useTranslations("Redirects");
  const [values, setValues] = useState(EMPTY);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await action(prev, formData);
    if (next.ok) setValues(EMPTY);
    return next;
  }, initialActionState);
  const bind = (name: keyof typeof EMPTY) => ({
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
    errors: state.fieldErrors?.[name],
  });
  return (
    <form action={formAction} className="form" noValidate>
      <div className="editor__grid">
        <FormField
          id="redirect-from"
          label={t("fromPath")}
          hint={t("fromPathHint")}
          required
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          {...bind("fromPath")}
        />
        <FormField
          id="redirect-to"
          label={t("toPath")}
          hint={t("toPathHint")}
          required
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          {...bind("toPath")}
        />
      </div>
      <FormFooter state={state} pending={pending} submitLabel={t("create")} pendingLabel={t("creating")} />
    </form>
  );
}

/** One rule's delete button, named after the rule for screen readers. */
export function DeleteRedirectForm({ id, fromPath, action }: { id: number; fromPath: string; action: Action }) {
  const t = useTranslations("Redirects");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="button--danger" disabled={pending} aria-label={t("deleteOf", { fromPath })}>
        {t("delete")}
      </SubmitButton>
      <span className="form__status" role="status" aria-live="polite">
        {state.ok ? null : state.message}
      </span>
    </form>
  );
}
