"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { FormField } from "@/components/form/form-field";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { SubmitButton } from "@/components/form/submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
const ROLES = ["ADMIN", "EDITOR", "ANALYST"] as const;

export function InviteUserForm({ action }: { action: Action }) {
  const t = useTranslations("Users");
  const tr = useTranslations("Admin");
  return (
    <ActionForm action={action} submitLabel={t("invite")}>
      {(state) => (
        <>
          <FormField name="email" label={t("email")} type="email" required errors={state.fieldErrors?.email} id="invite-email" />
          <FormField name="name" label={t("name")} errors={state.fieldErrors?.name} id="invite-name" />
          <div className="field">
            <label htmlFor="invite-role">{t("role")}</label>
            <select id="invite-role" name="role" defaultValue="EDITOR">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tr(`roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function UserRowControls({
  user,
  roleAction,
  activeAction,
}: {
  user: { id: string; email: string; role: (typeof ROLES)[number]; active: boolean };
  roleAction: Action;
  activeAction: Action;
}) {
  const t = useTranslations("Users");
  const tr = useTranslations("Admin");
  const [roleState, roleFormAction] = useActionState(roleAction, initialActionState);
  const [activeState, activeFormAction] = useActionState(activeAction, initialActionState);
  return (
    <div className="user-controls">
      <form action={roleFormAction} className="user-controls__form">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={`role-${user.id}`} className="visually-hidden">
          {t("roleOf", { email: user.email })}
        </label>
        <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(`roles.${r}`)}
            </option>
          ))}
        </select>
        <SubmitButton className="button--quiet">{t("changeRole")}</SubmitButton>
      </form>
      <form action={activeFormAction}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <SubmitButton className={user.active ? "button--danger" : ""}>
          {user.active ? t("deactivate") : t("reactivate")}
        </SubmitButton>
      </form>
      <span role="status" aria-live="polite" className="form__status">
        {roleState.message ?? activeState.message}
      </span>
    </div>
  );
}
