import { defineRouting } from "next-intl/routing";

export const locales = ["ko", "en"] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "ko",
  localePrefix: "always",
  // The Accept-Language header decides, not a sticky cookie: "/" must follow the browser.
  localeCookie: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A locale bound into a form's action comes back from the browser: anything else reads as the default. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : routing.defaultLocale;
}
