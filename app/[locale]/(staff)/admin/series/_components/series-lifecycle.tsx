"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState, type ActionState } from "@/lib/actions/state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  archiveAction: Action;
  deleteAction: Action;
  /** When the series was archived, in the page's words; null while it is in use. */
  archivedOn: string | null;
};

/** Archiving (reversible) and deleting (only without papers), each its own form with its own answer. */
export function SeriesLifecycle({ archiveAction, deleteAction, archivedOn }: Props) {
  const t = useTranslations("SeriesAdmin");
  const [archiveState, archiveFormAction, archiving] = useActionState(archiveAction, initialActionState);
  const [deleteState, deleteFormAction, deleting] = useActionState(deleteAction, initialActionState);
  return (
    <aside className="editor__side">
      <section className="panel" aria-labelledby="archive-title">
        <h2 id="archive-title">{t("archiveTitle")}</h2>
        <p>{t("archiveHelp")}</p>
        {archivedOn ? <p>{t("archivedOn", { date: archivedOn })}</p> : null}
        <form action={archiveFormAction} className="form">
          <input type="hidden" name="archived" value={archivedOn ? "false" : "true"} />
          <FormFooter state={archiveState} pending={archiving} submitLabel={t(archivedOn ? "unarchive" : "archive")} />
        </form>
      </section>
      <section className="panel" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("deleteTitle")}</h2>
        <p>{t("deleteHelp")}</p>
        <form action={deleteFormAction} className="form" noValidate>
          <Field id="confirm" label={t("deleteConfirm")} errors={deleteState.fieldErrors?.confirm}>
            {(control) => <input type="checkbox" name="confirm" className="field__check" required {...control} />}
          </Field>
          <FormFooter state={deleteState} pending={deleting} submitLabel={t("delete")} />
        </form>
      </section>
    </aside>
  );
}
