// The portal's own interface text (lib/i18n/messages), so specs and page
// objects find buttons, labels and headings by what readers see, without a
// second copy of it that could drift from the messages.
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import ko from "@/lib/i18n/messages/ko.json" with { type: "json" };

export type Locale = "en" | "ko";

const MESSAGES = { en, ko };

const translators = {
  en: createTranslator({ locale: "en", messages: en }),
  ko: createTranslator({ locale: "ko", messages: ko }),
};

/** The messages of one language, as next-intl renders them: `translator("en")("Stats.views")`. */
export function translator(locale: Locale) {
  return translators[locale];
}

type Key = Parameters<(typeof translators)["en"]>[0];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A message in either language, for a locator used on pages of both; `exact: false` finds it inside a longer name. */
export function eitherLanguage(key: Key, { exact = true } = {}): RegExp {
  const either = `(${escape(translators.en(key))}|${escape(translators.ko(key))})`;
  return new RegExp(exact ? `^${either}$` : either);
}

/** The raw ICU text of a message, e.g. "Too many emails … {minutes, plural, …}." */
function raw(locale: Locale, key: Key): string {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], MESSAGES[locale]);
  if (typeof text !== "string") throw new Error(`No message ${key} in ${locale}`);
  return text;
}

/** A message whose placeholders ({minutes}, plurals) may be anything, as a whole-text pattern. */
export function messagePattern(locale: Locale, key: Key): RegExp {
  let pattern = "";
  let depth = 0;
  for (const char of raw(locale, key)) {
    if (char === "{") {
      if (depth === 0) pattern += ".+?";
      depth++;
    } else if (char === "}") depth--;
    else if (depth === 0) pattern += escape(char);
  }
  return new RegExp(`^${pattern}$`);
}
