"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/form/action-form";
import { FormField } from "@/components/form/form-field";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PasswordSignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations("SignIn");
  return (
    <ActionForm action={action} submitLabel={t("signIn")}>
      {(state) => (
        <>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormField
            name="email"
            label={t("email")}
            errors={state.fieldErrors?.email}
            type="email"
            autoComplete="username"
            required
          />
          <FormField
            name="password"
            label={t("password")}
            errors={state.fieldErrors?.password}
            type="password"
            autoComplete="current-password"
            required
          />
        </>
      )}
    </ActionForm>
  );
}

export function EmailSignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations("SignIn");
  return (
    <ActionForm action={action} submitLabel={t("sendLink")}>
      {(state) => (
        <>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormField
            name="email"
            label={t("email")}
            errors={state.fieldErrors?.email}
            type="email"
            autoComplete="email"
            required
            id="magic-email"
          />
        </>
      )}
    </ActionForm>
  );
}
