"use client";

import { useTranslations } from "next-intl";
import type { AlertFollowOptions } from "@/lib/data/alerts";
import type { Locale } from "@/lib/i18n/routing";
import { locales } from "@/lib/i18n/routing";

export type ChoiceValues = {
  locale: Locale;
  frequency: "instant" | "daily";
  everything: boolean;
  seriesIds: number[];
  topicIds: number[];
  authorIds: number[];
};

const LANGUAGE_NAMES: Record<Locale, string> = { ko: "한국어", en: "English" };

/**
 * The choices a subscription is made of, shared by the subscribe form and the
 * manage page: plain checkboxes and radios, posted as repeated names.
 */
export function AlertChoices({
  options,
  initial,
  locale,
  errors,
}: {
  options: AlertFollowOptions;
  initial: ChoiceValues;
  locale: Locale;
  errors?: string[];
}) {
  const t = useTranslations("Alerts");
  const name = (o: { nameKo: string; nameEn: string }) => (locale === "ko" ? o.nameKo : o.nameEn);
  const group = (key: "series" | "topic" | "author", legend: string, items: { id: number; label: string }[], chosen: number[]) =>
    items.length === 0 ? null : (
      <fieldset className="checks alert-choices__group">
        <legend>{legend}</legend>
        {items.map((o) => (
          <label key={o.id}>
            <input type="checkbox" name={key} value={o.id} defaultChecked={chosen.includes(o.id)} /> {o.label}
          </label>
        ))}
      </fieldset>
    );
  return (
    <>
      <fieldset className="checks">
        <legend>{t("mailLanguage")}</legend>
        {locales.map((l) => (
          <label key={l} lang={l}>
            <input type="radio" name="mailLocale" value={l} defaultChecked={initial.locale === l} /> {LANGUAGE_NAMES[l]}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t("frequency")}</legend>
        {(["instant", "daily"] as const).map((f) => (
          <label key={f}>
            <input type="radio" name="frequency" value={f} defaultChecked={initial.frequency === f} /> {t(f)}
          </label>
        ))}
      </fieldset>
      <fieldset className="alert-choices" aria-describedby="alert-choices-error">
        <legend>{t("follow")}</legend>
        <label className="alert-choices__everything">
          <input type="checkbox" name="everything" defaultChecked={initial.everything} /> {t("everything")}
        </label>
        {group(
          "series",
          t("series"),
          options.series.map((o) => ({ id: o.id, label: name(o) })),
          initial.seriesIds,
        )}
        {group(
          "topic",
          t("topics"),
          options.topics.map((o) => ({ id: o.id, label: name(o) })),
          initial.topicIds,
        )}
        {group(
          "author",
          t("authors"),
          options.authors.map((o) => ({ id: o.id, label: name(o) })),
          initial.authorIds,
        )}
        <span id="alert-choices-error" className="field__error" aria-live="polite">
          {errors?.join(" ")}
        </span>
      </fieldset>
    </>
  );
}
