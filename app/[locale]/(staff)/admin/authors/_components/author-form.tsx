"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import type { AuthorEditorInput } from "@/lib/validations/authors";
import type { AuthorFormState } from "../actions";
import { FormFooter } from "@/components/form/form-footer";

type Props = {
  action: (state: AuthorFormState, formData: FormData) => Promise<AuthorFormState>;
  initial: AuthorEditorInput;
};

const INITIAL_STATE: AuthorFormState = { ok: false };
const LANGUAGES = [
  { suffix: "Ko", lang: "ko" },
  { suffix: "En", lang: "en" },
] as const;

/**
 * The profile in Korean and English side by side. Controlled: React resets an
 * uncontrolled form after every action, which would show the old profile again.
 */
export function AuthorForm({ action, initial }: Props) {
  const t = useTranslations("Authors");
  const [state, formAction, pending] = useActionState(action, INITIAL_STATE);
  const [values, setValues] = useState(initial);
  const set = (name: keyof AuthorEditorInput, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const errors = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="version" value={state.version ?? initial.version} />
      <div className="editor__grid">
        {LANGUAGES.map(({ suffix, lang }) => (
          <fieldset key={lang} className="author-form__language">
            <legend>{t(`languages.${lang}`)}</legend>
            {(["name", "position", "affiliation"] as const).map((field) => {
              const name = `${field}${suffix}` as const;
              return (
                <Field key={name} id={name} label={t(`fields.${field}`)} errors={errors(name)}>
                  {(control) => (
                    <input
                      name={name}
                      value={values[name]}
                      onChange={(e) => set(name, e.target.value)}
                      maxLength={field === "name" ? 100 : 200}
                      required={field === "name"}
                      lang={lang}
                      {...control}
                    />
                  )}
                </Field>
              );
            })}
            <Field id={`bio${suffix}`} label={t("fields.bio")} errors={errors(`bio${suffix}`)}>
              {(control) => (
                <textarea
                  name={`bio${suffix}`}
                  rows={6}
                  maxLength={5000}
                  lang={lang}
                  value={values[`bio${suffix}`]}
                  onChange={(e) => set(`bio${suffix}`, e.target.value)}
                  {...control}
                />
              )}
            </Field>
          </fieldset>
        ))}
      </div>
      <FormFooter state={state} pending={pending} submitLabel={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
