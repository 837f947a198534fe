import type { CitationAuthor, CitationLanguage } from "./types";

/** A person as citation styles need them, or the name exactly as stored when it cannot be split safely. */
export type PersonName = { family: string; given: string } | { literal: string };

// "CHOI", "HYUN-WOOK", "O'BRIEN": letters all in capitals, at least two of them.
const isCapitalised = (token: string) => /^\p{Lu}[\p{Lu}\p{M}'’-]*$/u.test(token) && (token.match(/\p{L}/gu)?.length ?? 0) >= 2;

const capitalise = (word: string) =>
  word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{Ll})/gu, (_match, before: string, letter: string) => `${before}${letter.toUpperCase()}`);

/**
 * Splits an IFANS-style English name, family name in capitals first:
 * "CHOI Wooseon" → Choi / Wooseon, "KIM Hyun-wook" → Kim / Hyun-wook,
 * "NAMGUNG Min Su" → Namgung / Min Su. A name without that shape
 * ("Jane Smith", "IFANS") is kept whole.
 */
export function splitName(name: string): PersonName {
  const tokens = name.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  let familyLength = 0;
  while (familyLength < tokens.length && isCapitalised(tokens[familyLength] ?? "")) familyLength++;
  if (familyLength === 0 || familyLength === tokens.length) return { literal: tokens.join(" ") };
  return {
    family: tokens.slice(0, familyLength).map(capitalise).join(" "),
    given: tokens.slice(familyLength).join(" "),
  };
}

/** "Wooseon" → "W.", "Hyun-wook" → "H.-W.", "Min Su" → "M. S." (APA 7 §9.8). */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split("-")
        .filter(Boolean)
        .map((part) => `${(Array.from(part)[0] ?? "").toUpperCase()}.`)
        .join("-"),
    )
    .join(" ");
}

/** "Choi, Wooseon" for English papers; a Korean paper cites its authors' Korean names unchanged. */
export function invertedName(author: CitationAuthor, language: CitationLanguage): string {
  if (language === "ko") return author.nameKo.trim();
  const name = splitName(author.nameEn);
  return "literal" in name ? name.literal : `${name.family}, ${name.given}`;
}
