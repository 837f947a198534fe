"use client";

import { useActionState, useState, type ChangeEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { FormField } from "@/components/form/form-field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { NAME_MAX_LENGTH, SLUG_MAX_LENGTH } from "@/lib/validations/taxonomy";
import { SubmitButton } from "@/components/form/submit-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
export type TermRow = { id: number; slug: string; nameKo: string; nameEn: string; papers: number };

/**
 * A form whose inputs keep what was typed when the action refuses it (React
 * resets an uncontrolled form after every action); `clearOnSuccess` empties it
 * after one that worked.
 */
function useTermForm<V extends Record<string, string>>(action: Action, initial: V, clearOnSuccess: boolean) {
  const [values, setValues] = useState(initial);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const next = await action(prev, formData);
    if (next.ok && clearOnSuccess) setValues(initial);
    return next;
  }, initialActionState);
  const bind = (name: keyof V & string) => ({
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return { state, formAction, pending, bind, errors: (name: keyof V & string) => state.fieldErrors?.[name] };
}

type NameKey = "nameKo" | "nameEn";
type NameControls = {
  bind: (name: NameKey) => { name: string; value: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void };
  errors: (name: NameKey) => string[] | undefined;
};

const termName = (locale: string, term: TermRow) => (locale === "ko" ? term.nameKo : term.nameEn);

/** The Korean and English names, side by side; `idPrefix` keeps each form's field ids apart. */
function NameFields({ idPrefix, form }: { idPrefix: string; form: NameControls }) {
  const t = useTranslations("Taxonomy");
  return (
    <div className="editor__grid">
      {(["nameKo", "nameEn"] as const).map((name) => (
        <FormField
          key={name}
          id={`${idPrefix}-${name}`}
          label={t(name)}
          errors={form.errors(name)}
          required
          maxLength={NAME_MAX_LENGTH}
          lang={name === "nameKo" ? "ko" : "en"}
          autoComplete="off"
          {...form.bind(name)}
        />
      ))}
    </div>
  );
}

export function CreateTermForm({ action }: { action: Action }) {
  const t = useTranslations("Taxonomy");
  const form = useTermForm(action, { slug: "", nameKo: "", nameEn: "" }, true);
  return (
    <form action={form.formAction} className="form" noValidate>
      <FormField
        id="new-slug"
        label={t("slug")}
        hint={t("slugHint")}
        errors={form.errors("slug")}
        required
        maxLength={SLUG_MAX_LENGTH}
        autoComplete="off"
        spellCheck={false}
        {...form.bind("slug")}
      />
      <NameFields idPrefix="new" form={form} />
      <FormFooter state={form.state} pending={form.pending} submitLabel={t("create")} pendingLabel={t("creating")} />
    </form>
  );
}

/** One row's rename and delete, folded away until asked for. */
export function TermRowControls({
  term,
  renameAction,
  deleteAction,
}: {
  term: TermRow;
  renameAction: Action;
  deleteAction: Action;
}) {
  const t = useTranslations("Taxonomy");
  const locale = useLocale();
  const rename = useTermForm(renameAction, { nameKo: term.nameKo, nameEn: term.nameEn }, false);
  const [deleted, deleteFormAction, deleting] = useActionState(deleteAction, initialActionState);
  const deleteErrorId = `term-${term.id}-delete-error`;
  return (
    <details>
      <summary aria-label={t("editOf", { name: termName(locale, term) })}>{t("edit")}</summary>
      <form action={rename.formAction} className="form" noValidate>
        <input type="hidden" name="id" value={term.id} />
        <NameFields idPrefix={`term-${term.id}`} form={rename} />
        <FormFooter state={rename.state} pending={rename.pending} submitLabel={t("rename")} pendingLabel={t("renaming")} />
      </form>
      <form action={deleteFormAction} className="form">
        <input type="hidden" name="id" value={term.id} />
        <SubmitButton
          className="button--danger"
          disabled={deleting}
          aria-label={t("deleteOf", { name: termName(locale, term) })}
          aria-describedby={deleteErrorId}
        >
          {t("delete")}
        </SubmitButton>
        <span id={deleteErrorId} className="field__error" aria-live="polite">
          {deleted.fieldErrors?.id?.join(" ")}
        </span>
        <span className="form__status" role="status" aria-live="polite">
          {deleted.fieldErrors ? null : deleted.message}
        </span>
      </form>
    </details>
  );
}

/** Two lists of the same terms: the one to fold away, and the one that takes its papers. */
export function MergeTermsForm({ terms, action }: { terms: TermRow[]; action: Action }) {
  const t = useTranslations("Taxonomy");
  const locale = useLocale();
  const form = useTermForm(action, { sourceId: "", targetId: "" }, true);
  return (
    <form action={form.formAction} className="form" noValidate>
      <p className="field__hint">{t("mergeHint")}</p>
      <div className="editor__grid">
        {(["sourceId", "targetId"] as const).map((name) => (
          <Field key={name} id={`merge-${name}`} label={t(name === "sourceId" ? "source" : "target")} errors={form.errors(name)}>
            {(control) => (
              <select required {...control} {...form.bind(name)}>
                <option value="">{t("choose")}</option>
                {terms.map((term) => (
                  <option key={term.id} value={term.id}>
                    {`${termName(locale, term)} (${term.slug}, ${term.papers})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <FormFooter state={form.state} pending={form.pending} submitLabel={t("merge")} pendingLabel={t("merging")} />
    </form>
  );
}
