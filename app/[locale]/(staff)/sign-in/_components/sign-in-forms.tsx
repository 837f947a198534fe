"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { FormField } from "@/components/form/form-field";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PasswordSignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="form" noValidate>
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
      <p className="form__status" role="status" aria-live="polite">
        {state.message}
      </p>
      <div className="form__actions">
        <button type="submit" disabled={pending}>
          {t("signIn")}
        </button>
      </div>
    </form>
  );
}

export function EmailSignInForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="form" noValidate>
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
      <p className="form__status" role="status" aria-live="polite">
        {state.message}
      </p>
      <div className="form__actions">
        <button type="submit" disabled={pending}>
          {t("sendLink")}
        </button>
      </div>
    </form>
  );
}
