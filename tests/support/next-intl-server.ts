// A stand-in for next-intl/server in tests that call pages, route handlers and
// metadata functions outside a request: the real loader is request-bound.
// Translations are the real messages; without a locale they are English.
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";

const messages = { en, ko };

/** As next-intl's: a namespace ("Stats") or `{ locale, namespace }`. */
export const getTranslations = (opts?: string | { locale?: "ko" | "en"; namespace?: string }) => {
  const locale = typeof opts === "object" && opts.locale === "ko" ? "ko" : "en";
  const namespace = typeof opts === "string" ? opts : opts?.namespace;
  return Promise.resolve(createTranslator({ locale, messages: messages[locale], namespace: namespace as never }));
};

export const getLocale = () => Promise.resolve("en");

export const setRequestLocale = () => undefined;
