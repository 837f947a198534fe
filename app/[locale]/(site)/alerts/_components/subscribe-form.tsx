"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import type { AlertFollowOptions } from "@/lib/data/alerts";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "@/components/form/action-form";
import { FormField } from "@/components/form/form-field";
import { EMAIL_MAX } from "@/lib/validations/email-share-limits";
import { AlertChoices, type ChoiceValues } from "./alert-choices";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  options: AlertFollowOptions;
  initial: ChoiceValues;
  locale: Locale;
  site: string;
};

/** The public subscription form: an address, what to follow, and consent. */
export function SubscribeForm({ action, options, initial, locale, site }: Props) {
  const t = useTranslations("Alerts");
  return (
    <ActionForm action={action} submitLabel={t("submit")}>
      {(state) => (
        <>
          <FormField
            name="email"
            label={t("email")}
            errors={state.fieldErrors?.email}
            type="email"
            autoComplete="email"
            maxLength={EMAIL_MAX}
            required
          />
          <AlertChoices options={options} initial={initial} locale={locale} errors={state.fieldErrors?.choices} />
          <div className="field">
            <label className="alert-consent">
              <input
                type="checkbox"
                name="consent"
                required
                aria-describedby="field-consent-error"
                aria-invalid={state.fieldErrors?.consent ? true : undefined}
              />{" "}
              {t("consent", { site })}
            </label>
            <a href={`/${locale}/privacy`}>{t("privacyLink")}</a>
            <span id="field-consent-error" className="field__error" aria-live="polite">
              {state.fieldErrors?.consent?.join(" ")}
            </span>
          </div>
          <div className="field field--trap" aria-hidden="true">
            <label htmlFor="alert-website">{t("honeypot")}</label>
            <input id="alert-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
        </>
      )}
    </ActionForm>
  );
}
