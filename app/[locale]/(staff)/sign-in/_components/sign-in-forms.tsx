"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/form/action-form";
import { FormField } from "@/components/form/form-field";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Props = { action: Action; callbackUrl: string };

/** Both ways in post the page to return to and an email address; the password form asks for more. */
function SignInForm({
  action,
  callbackUrl,
  submitLabel,
  email,
  more,
}: Props & {
  submitLabel: string;
  email: { autoComplete: string; id?: string };
  more?: (state: ActionState) => ReactNode;
}) {
  const t = useTranslations("SignIn");
  return (
    <ActionForm action={action} submitLabel={submitLabel}>
      {(state) => (
        <>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FormField name="email" label={t("email")} errors={state.fieldErrors?.email} type="email" required {...email} />
          {more?.(state)}
        </>
      )}
    </ActionForm>
  );
}

export function PasswordSignInForm(props: Props) {
  const t = useTranslations("SignIn");
  return (
    <SignInForm
      {...props}
      submitLabel={t("signIn")}
      email={{ autoComplete: "username" }}
      more={(state) => (
        <FormField
          name="password"
          label={t("password")}
          errors={state.fieldErrors?.password}
          type="password"
          autoComplete="current-password"
          required
        />
      )}
    />
  );
}

export function EmailSignInForm(props: Props) {
  const t = useTranslations("SignIn");
  return <SignInForm {...props} submitLabel={t("sendLink")} email={{ autoComplete: "email", id: "magic-email" }} />;
}
