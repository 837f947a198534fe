// The islands (islands/) carry their words from the site's messages and fill
// them with a plain `{name}` replacement, not next-intl's ICU formatter: a
// translator's plural or select in one of their sections would reach readers
// as raw syntax. These tests keep those sections plain.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fill } from "@/islands/language";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";

const ISLANDS = path.join(process.cwd(), "islands");

/** The message sections the islands import, read from their sources. */
function islandSections(): string[] {
  const sections = new Set<string>();
  for (const file of readdirSync(ISLANDS).filter((f) => f.endsWith(".ts"))) {
    const source = readFileSync(path.join(ISLANDS, file), "utf8");
    for (const m of source.matchAll(/import \{ (\w+) as \w+ \} from "\.\.\/lib\/i18n\/messages\/(?:en|ko)\.json"/g))
      sections.add(m[1]!);
  }
  return [...sections].sort();
}

describe("the islands' messages", () => {
  it("are the sections the islands import, in both languages, with the same keys", () => {
    expect(islandSections()).toEqual(["FindInPaper", "SendEmailDialog", "ShareLink"]);
    for (const section of islandSections()) {
      const [inEnglish, inKorean] = [en, ko].map((m) => (m as unknown as Record<string, Record<string, unknown>>)[section]);
      expect(Object.keys(inKorean ?? {}).sort()).toEqual(Object.keys(inEnglish ?? {}).sort());
    }
  });

  it("are flat strings whose arguments are plain {name}s", () => {
    for (const messages of [en, ko]) {
      for (const section of islandSections()) {
        for (const [key, value] of Object.entries((messages as unknown as Record<string, object>)[section]!)) {
          expect(typeof value, `${section}.${key}`).toBe("string");
          // Braces only around a bare name: no "{count, plural, …}", no nesting.
          expect(String(value).replace(/\{\w+\}/g, ""), `${section}.${key}`).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it("are filled as next-intl would fill them", () => {
    expect(fill(en.FindInPaper.count, { count: 3 })).toBe("Found in 3 places:");
    expect(fill(ko.FindInPaper.pdfPage, { page: 12 })).toBe("12쪽");
    // An argument not given stays as written, as a mistake to see, not "undefined".
    expect(fill("page {page} of {pages}", { page: 1 })).toBe("page 1 of {pages}");
  });
});
