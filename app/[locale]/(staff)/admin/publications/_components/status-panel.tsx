"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { EditorState } from "../actions";
import { FormField } from "@/components/form/form-field";
import { SubmitButton } from "@/components/form/submit-button";

type Props = {
  action: (state: EditorState, formData: FormData) => Promise<EditorState>;
  deleteAction: (state: EditorState) => Promise<EditorState>;
  status: "draft" | "scheduled" | "published" | "archived";
  due: boolean;
  version: number;
  publishAt: string;
};

/** Draft → scheduled → published → archived, and back to draft. */
export function StatusPanel({ action, deleteAction, status, due, version, publishAt }: Props) {
  const t = useTranslations("Editor");
  const [state, formAction, pending] = useActionState(action, { ok: false } satisfies EditorState);
  const [deleteState, deleteFormAction] = useActionState(deleteAction, { ok: false } satisfies EditorState);
  const current = Math.max(version, state.version ?? 0);
  const button = (target: string, label: string) => (
    <SubmitButton name="status" value={target} disabled={pending}>
      {label}
    </SubmitButton>
  );
  return (
    <section className="panel status-panel" aria-labelledby="status-title">
      <h2 id="status-title">{t("statusTitle")}</h2>
      <p>
        {t("statusLabel")}: <strong data-testid="current-status">{due ? t("status.due") : t(`status.${status}`)}</strong>
      </p>
      <form action={formAction} className="form status-panel__form">
        <input type="hidden" name="version" value={current} />
        <div className="status-panel__buttons">
          {status !== "published" ? button("published", t("status.publish")) : null}
          {status !== "archived" && status !== "draft" ? button("archived", t("status.archive")) : null}
          {status !== "draft" ? button("draft", t("status.unpublish")) : null}
        </div>
        <FormField
          id="publishAt"
          name="publishAt"
          label={t("fields.publishAt")}
          type="datetime-local"
          step={1}
          defaultValue={publishAt}
          errors={state.fieldErrors?.publishAt}
        />
        {button("scheduled", t("status.schedule"))}
        <p className={state.ok ? "form__status form__status--ok" : "form__status"} role="status" aria-live="polite">
          {state.message}
        </p>
      </form>
      {status === "draft" || status === "archived" ? (
        <form
          action={deleteFormAction}
          onSubmit={(e) => {
            if (!window.confirm(t("confirmDelete"))) e.preventDefault();
          }}
        >
          <SubmitButton className="button--danger">{t("delete")}</SubmitButton>
          <p className="form__status" role="status">
            {deleteState.message}
          </p>
        </form>
      ) : null}
    </section>
  );
}
