"use client";

import { useTranslations } from "next-intl";
import type { AlertFollowOptions } from "@/lib/data/alerts";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "@/components/form/action-form";
import type { AlertActionState } from "../actions";
import { AlertChoices, type ChoiceValues } from "./alert-choices";

/** The manage page's choices: saving them also subscribes again after an unsubscribe. */
export function ManageForm({
  action,
  options,
  initial,
  locale,
}: {
  action: (state: AlertActionState, formData: FormData) => Promise<AlertActionState>;
  options: AlertFollowOptions;
  initial: ChoiceValues;
  locale: Locale;
}) {
  const t = useTranslations("Alerts");
  return (
    <ActionForm action={action} submitLabel={t("save")}>
      {(state) => <AlertChoices options={options} initial={initial} locale={locale} errors={state.fieldErrors?.choices} />}
    </ActionForm>
  );
}
