import { SITE_TIME_ZONE } from "@/lib/site";
import type { CitationData } from "./types";

const dayParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: SITE_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Year, month (1–12) and day on the institution's calendar: a paper issued 31 Dec in Seoul is 2024 everywhere. */
export function citationDate(date: Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(dayParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** One line of text: citation fields never carry line breaks or runs of spaces. */
export function oneLine(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** "Title: Subtitle", without doubling the title's own closing punctuation. */
export function fullTitle({ title, subtitle }: Pick<CitationData, "title" | "subtitle">): string {
  const main = oneLine(title);
  const sub = subtitle ? oneLine(subtitle) : "";
  if (!sub) return main;
  return /[:?!.]$/.test(main) ? `${main} ${sub}` : `${main}: ${sub}`;
}

/** Ends an element with a period unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** "A", "A and B", "A, B, and C" in the language's own way. */
export function listNames(names: readonly string[], language: CitationData["language"], conjunction: string): string {
  if (language === "ko") return names.join(", ");
  if (names.length <= 1) return names.join("");
  if (names.length === 2) return `${names[0]}, ${conjunction} ${names[1]}`;
  return `${names.slice(0, -1).join(", ")}, ${conjunction} ${names.at(-1)}`;
}
