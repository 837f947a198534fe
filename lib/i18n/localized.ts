import type { Locale } from "./routing";

type Bilingual = { nameKo: string; nameEn: string };

/** Names stored in both languages, picked for the page's locale. */
export function localizedName(row: Bilingual, locale: string): string {
  return locale === "ko" ? row.nameKo : row.nameEn;
}

export const seriesName = localizedName;
export const authorName = localizedName;
export const topicName = localizedName;

export function otherLocale(locale: Locale): Locale {
  return locale === "ko" ? "en" : "ko";
}
