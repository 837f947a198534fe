// The islands' words: a section of the site's messages (lib/i18n/messages/),
// bundled for both languages, so a page need not carry them. esbuild keeps
// only the top-level sections an island imports. The islands have no ICU
// formatter: their sections use plain `{name}` arguments only (checked by
// tests/island-messages.test.ts).

/** The section in the language of the markup around `element`: the page's, as the server marked it. */
export function inPageLanguage<T>(element: Element, sections: { en: T; ko: T }): T {
  return element.closest("[lang]")?.getAttribute("lang") === "ko" ? sections.ko : sections.en;
}

/** A message with its `{name}` arguments filled in. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
