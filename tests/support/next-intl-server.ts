// A stand-in for next-intl/server in tests that call pages' metadata functions
// outside a request: the real loader is request-bound. Translations are the real messages.
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";

const messages = { en, ko };

export const getTranslations = (opts: { locale: "ko" | "en"; namespace?: string }) =>
  Promise.resolve(createTranslator({ locale: opts.locale, messages: messages[opts.locale], namespace: opts.namespace as never }));

export const setRequestLocale = () => undefined;
