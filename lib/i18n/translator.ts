import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import type { Locale } from "./routing";
import en from "./messages/en.json";
import ko from "./messages/ko.json";
import { SITE_TIME_ZONE } from "@/lib/site";

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * The messages of one namespace, as next-intl's `getTranslations` gives them
 * in a page and `translator` below outside one: components that render both
 * inside Next.js and in the portal's own server (the catalogue's results,
 * server/catalogue-pages.ts) take one of these instead of asking next-intl.
 */
export type Translator<N extends Namespace> = ReturnType<typeof createTranslator<Messages, N>>;

const MESSAGES: Record<Locale, Messages> = { en, ko };

// Made once each: a translator keeps the formats it has compiled, which next-intl compiles anew for every request.
const made = new Map<string, unknown>();

/** A translator made without a request, on the same messages and calendar as lib/i18n/request.ts. */
export function translator<N extends Namespace>(locale: Locale, namespace: N): Translator<N> {
  const key = `${locale}:${namespace}`;
  let t = made.get(key) as Translator<N> | undefined;
  if (!t) made.set(key, (t = createTranslator({ locale, messages: MESSAGES[locale], namespace, timeZone: SITE_TIME_ZONE })));
  return t;
}
