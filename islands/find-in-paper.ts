// Types only: nothing of the server's module comes into the bundle.
import type { PaperMatch as Match, ResultSnippet as Snippet } from "@/lib/data/search-snippets";
import { FindInPaper as en } from "../lib/i18n/messages/en.json";
import { FindInPaper as ko } from "../lib/i18n/messages/ko.json";
import { Island } from "./define";
import { fill, inPageLanguage } from "./language";
import { tag } from "./tag";

type Labels = typeof en;

/** Text with the given spans in <mark>, as text nodes only (never HTML from a paper): components/marked-text.tsx without React. */
function markedText({ text, marks }: Snippet): (Node | string)[] {
  const parts: (Node | string)[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(tag("mark", {}, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

const paragraph = (text: string) => tag("p", {}, text);

/**
 * <find-in-paper>: "Search in this paper". Asks the paper's find route
 * (data-find-url) for the sections and PDF pages that hold the words and
 * lists a link to each (the section's heading, the PDF at its page under
 * data-file-url), in a region screen readers announce.
 */
export class FindInPaper extends Island {
  protected start(signal: AbortSignal) {
    const form = this.child<HTMLFormElement>("form");
    const results = this.child<HTMLElement>("[aria-live]");
    if (!form || !results) return;
    const labels = inPageLanguage(this, { en, ko });
    const button = form.querySelector("button");
    const show = (...nodes: Node[]) => results.replaceChildren(...nodes);
    form.addEventListener(
      "submit",
      (event) => {
        event.preventDefault();
        const value = new FormData(form).get("q");
        const q = typeof value === "string" ? value.trim() : "";
        if (!q) return show();
        if (button) button.disabled = true;
        void this.find(q, labels)
          .then((nodes) => show(...nodes))
          .finally(() => {
            if (button) button.disabled = false;
          });
      },
      { signal },
    );
  }

  private async find(q: string, labels: Labels): Promise<Node[]> {
    try {
      const response = await fetch(`${this.dataset.findUrl ?? ""}?q=${encodeURIComponent(q)}`);
      if (response.status === 429) return [paragraph(labels.tooMany)];
      if (!response.ok) throw new Error(String(response.status));
      const { matches } = (await response.json()) as { matches: Match[] };
      if (matches.length === 0) return [paragraph(labels.none)];
      const list = tag("ol", { class: "find-in-paper__results" }, ...matches.map((m) => this.item(m, labels)));
      return [paragraph(fill(labels.count, { count: matches.length })), list];
    } catch {
      return [paragraph(labels.failed)];
    }
  }

  private item(m: Match, labels: Labels): HTMLLIElement {
    const link =
      m.where === "pdf"
        ? tag(
            "a",
            { href: `${this.dataset.fileUrl ?? ""}/${m.attachmentId}?view=inline#page=${m.page}` },
            `${m.fileName} · ${fill(labels.pdfPage, { page: m.page })}`,
          )
        : tag("a", { href: m.anchor ? `#${m.anchor}` : "#main" }, m.heading ?? labels.text);
    const snippet = tag(
      "p",
      {},
      ...(m.snippet.leading ? ["… "] : []),
      ...markedText(m.snippet),
      ...(m.snippet.trailing ? [" …"] : []),
    );
    return tag("li", {}, link, snippet);
  }
}
