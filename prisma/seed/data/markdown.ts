// Bodies are built from sections so the data files need no flush-left template
// literals (indented Markdown would turn into code blocks).

/** One `##` section: a heading and its paragraphs; a paragraph may be a "- " list. */
export function section(heading: string, ...paragraphs: string[]): string {
  return [`## ${heading}`, ...paragraphs].join("\n\n");
}

export function markdown(...sections: string[]): string {
  return sections.join("\n\n");
}

/** A Markdown bullet list. */
export function bullets(...items: string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}
