"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { localeOrDefault } from "@/lib/i18n/routing";
import { DEFAULT_ACCESSIBILITY, DEFAULT_PRIVACY } from "@/lib/site-settings/defaults";
import { socialNetworkName } from "@/lib/site-settings/social-networks";
import { SOCIAL_NETWORKS } from "@/lib/site-settings/types";
import { MARKDOWN_MAX, SOCIAL_LINK_ROWS, type SiteSettingsInput } from "@/lib/validations/site-settings";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: SiteSettingsInput;
};

const LANGUAGES = [
  { suffix: "Ko", lang: "ko" },
  { suffix: "En", lang: "en" },
] as const;

const LINES = [
  { name: "institutionName", max: 200, required: true },
  { name: "shortName", max: 60, required: true },
  { name: "siteTitle", max: 120, required: true },
  { name: "tagline", max: 300, required: false },
  { name: "address", max: 300, required: false },
] as const;

const PAGES = [
  { name: "privacy", defaults: DEFAULT_PRIVACY },
  { name: "accessibility", defaults: DEFAULT_ACCESSIBILITY },
] as const;

const ROWS = Array.from({ length: SOCIAL_LINK_ROWS }, (_, i) => i);

type Values = Record<string, string>;

/** The stored settings as the form's fields: one text per input, the social rows padded to the form's six. */
function valuesOf({ socialLinks, ...fields }: SiteSettingsInput): Values {
  const values: Values = { ...fields };
  for (const i of ROWS) {
    values[`socialNetwork${i}`] = socialLinks[i]?.network ?? "";
    values[`socialUrl${i}`] = socialLinks[i]?.url ?? "";
  }
  return values;
}

/** The institution's names, contact, social accounts and reader pages. Controlled, so a refused save keeps what was typed. */
export function SettingsForm({ action, initial }: Props) {
  const t = useTranslations("SettingsAdmin");
  const locale = localeOrDefault(useLocale());
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [values, setValues] = useState(() => valuesOf(initial));
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const errors = (name: string) => state.fieldErrors?.[name];
  const input = (
    name: string,
    label: string,
    extra: { max: number; type?: string; hint?: string; lang?: string; required?: boolean },
  ) => (
    <Field id={name} label={label} errors={errors(name)} hint={extra.hint}>
      {(control) => (
        <input
          name={name}
          type={extra.type ?? "text"}
          value={values[name] ?? ""}
          onChange={(e) => set(name, e.target.value)}
          maxLength={extra.max}
          required={extra.required}
          lang={extra.lang}
          {...control}
        />
      )}
    </Field>
  );
  return (
    <form action={formAction} className="form" noValidate>
      <div className="editor__grid">
        {LANGUAGES.map(({ suffix, lang }) => (
          <fieldset key={lang} className="author-form__language">
            <legend>{t(`languages.${lang}`)}</legend>
            {LINES.map(({ name, max, required }) =>
              input(`${name}${suffix}`, t(`fields.${name}`), { max, required, lang, hint: t(`hints.${name}`) }),
            )}
            {PAGES.map(({ name, defaults }) => (
              <Field
                key={name}
                id={`${name}${suffix}`}
                label={t(`fields.${name}`)}
                errors={errors(`${name}${suffix}`)}
                hint={t(`hints.${name}`)}
              >
                {(control) => (
                  <>
                    <textarea
                      name={`${name}${suffix}`}
                      className="editor__markdown"
                      rows={10}
                      maxLength={MARKDOWN_MAX}
                      lang={lang}
                      value={values[`${name}${suffix}`] ?? ""}
                      onChange={(e) => set(`${name}${suffix}`, e.target.value)}
                      {...control}
                    />
                    <details>
                      <summary>{t("showDefault")}</summary>
                      <pre lang={lang} style={{ whiteSpace: "pre-wrap" }}>
                        {defaults[lang]}
                      </pre>
                    </details>
                  </>
                )}
              </Field>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="editor__grid">
        {input("phone", t("fields.phone"), { max: 40, type: "tel", hint: t("hints.phone") })}
        {input("email", t("fields.email"), { max: 254, type: "email", hint: t("hints.email") })}
        {input("websiteUrl", t("fields.websiteUrl"), { max: 500, type: "url", hint: t("hints.websiteUrl") })}
      </div>
      <fieldset className="author-form__language">
        <legend>{t("socialTitle")}</legend>
        <p className="form__note">{t("socialHelp")}</p>
        {ROWS.map((i) => (
          <div key={i} className="editor__grid">
            <Field id={`socialNetwork${i}`} label={t("fields.socialNetwork", { n: i + 1 })} errors={errors(`socialNetwork${i}`)}>
              {(control) => (
                <select
                  name={`socialNetwork${i}`}
                  value={values[`socialNetwork${i}`] ?? ""}
                  onChange={(e) => set(`socialNetwork${i}`, e.target.value)}
                  {...control}
                >
                  <option value="">{t("networks.none")}</option>
                  {SOCIAL_NETWORKS.map((network) => (
                    <option key={network} value={network}>
                      {network === "other" ? t("networks.other") : socialNetworkName({ network, url: "" }, locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {input(`socialUrl${i}`, t("fields.socialUrl", { n: i + 1 }), { max: 500, type: "url" })}
          </div>
        ))}
      </fieldset>
      <FormFooter state={state} pending={pending} submitLabel={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
