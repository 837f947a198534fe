"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { DEFAULT_REPORT_NUMBER_PATTERN, type SeriesEditorInput } from "@/lib/validations/series";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: SeriesEditorInput;
  submitLabel: "save" | "create";
};

const LANGUAGES = [
  { suffix: "Ko", lang: "ko" },
  { suffix: "En", lang: "en" },
] as const;

type TextKey = Exclude<keyof SeriesEditorInput, "sortOrder" | "inNavigation">;

/** A series' address, names, numbering rule and place in the navigation. Controlled, so a refused save keeps what was typed. */
export function SeriesForm({ action, initial, submitLabel }: Props) {
  const t = useTranslations("SeriesAdmin");
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [values, setValues] = useState(initial);
  const set = <K extends keyof SeriesEditorInput>(name: K, value: SeriesEditorInput[K]) =>
    setValues((v) => ({ ...v, [name]: value }));
  const errors = (name: string) => state.fieldErrors?.[name];
  const textField = (name: TextKey, label: string, max: number, hint?: string) => (
    <Field id={name} label={label} errors={errors(name)} hint={hint}>
      {(control) => (
        <input name={name} value={values[name]} onChange={(e) => set(name, e.target.value)} maxLength={max} {...control} />
      )}
    </Field>
  );
  return (
    <form action={formAction} className="form" noValidate>
      <div className="editor__grid">
        {textField("slug", t("fields.slug"), 64, t("hints.slug"))}
        {textField("reportPrefix", t("fields.reportPrefix"), 100, t("hints.reportPrefix"))}
        {textField(
          "reportNumberPattern",
          t("fields.reportNumberPattern"),
          200,
          t("hints.reportNumberPattern", { example: DEFAULT_REPORT_NUMBER_PATTERN }),
        )}
        <Field id="sortOrder" label={t("fields.sortOrder")} errors={errors("sortOrder")} hint={t("hints.sortOrder")}>
          {(control) => (
            <input
              name="sortOrder"
              type="number"
              min={0}
              max={1_000_000}
              step={1}
              value={Number.isNaN(values.sortOrder) ? "" : values.sortOrder}
              onChange={(e) => set("sortOrder", e.target.valueAsNumber)}
              {...control}
            />
          )}
        </Field>
      </div>
      <div className="editor__grid">
        {LANGUAGES.map(({ suffix, lang }) => (
          <fieldset key={lang} className="author-form__language">
            <legend>{t(`languages.${lang}`)}</legend>
            <Field id={`name${suffix}`} label={t("fields.name")} errors={errors(`name${suffix}`)}>
              {(control) => (
                <input
                  name={`name${suffix}`}
                  value={values[`name${suffix}`]}
                  onChange={(e) => set(`name${suffix}`, e.target.value)}
                  maxLength={100}
                  required
                  lang={lang}
                  {...control}
                />
              )}
            </Field>
            <Field id={`description${suffix}`} label={t("fields.description")} errors={errors(`description${suffix}`)}>
              {(control) => (
                <textarea
                  name={`description${suffix}`}
                  rows={4}
                  maxLength={2000}
                  lang={lang}
                  value={values[`description${suffix}`]}
                  onChange={(e) => set(`description${suffix}`, e.target.value)}
                  {...control}
                />
              )}
            </Field>
          </fieldset>
        ))}
      </div>
      <Field id="inNavigation" label={t("fields.inNavigation")} errors={errors("inNavigation")} hint={t("hints.inNavigation")}>
        {(control) => (
          <input
            type="checkbox"
            name="inNavigation"
            className="field__check"
            checked={values.inNavigation}
            onChange={(e) => set("inNavigation", e.target.checked)}
            {...control}
          />
        )}
      </Field>
      <FormFooter state={state} pending={pending} submitLabel={t(submitLabel)} pendingLabel={t("saving")} />
    </form>
  );
}
