"use client";

import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/form/action-form";
import { FormField } from "@/components/form/form-field";

/** The administrators' "remove an address" form; its words come from the page. */
export function RemoveAddressForm({
  action,
  labels,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  labels: { email: string; remove: string };
}) {
  return (
    <ActionForm action={action} submitLabel={labels.remove}>
      {(state) => <FormField name="email" label={labels.email} errors={state.fieldErrors?.email} type="email" required />}
    </ActionForm>
  );
}
