import { describe, expect, it } from "vitest";
import { isPortalPath, renderMarkdown } from "@/lib/markdown/render";

const ids = (html: string) => [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]!);
const fragmentLinks = (html: string) => [...html.matchAll(/ href="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
const images = (html: string) => [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);

describe("renderMarkdown", () => {
  it("builds the table of contents from headings with stable anchors, Korean included", async () => {
    const { html, toc } = await renderMarkdown("## 1. Introduction\n\ntext\n\n### Detail\n\n## 2. 한국의 정책\n\nmore");
    expect(toc).toEqual([
      { id: "section-1-introduction", text: "1. Introduction", level: 2 },
      { id: "section-detail", text: "Detail", level: 3 },
      { id: "section-2-한국의-정책", text: "2. 한국의 정책", level: 2 },
    ]);
    expect(html).toContain('<h2 id="section-2-한국의-정책">');
  });

  it("gives repeated headings distinct anchors", async () => {
    const { toc } = await renderMarkdown("## Notes\n\n## Notes");
    expect(toc.map((t) => t.id)).toEqual(["section-notes", "section-notes-1"]);
  });

  it("gives no element an id that could stand in for one of the page's globals", async () => {
    const { html, toc } = await renderMarkdown(
      ["## __next_f", "## documentElement", "### self", "A claim.[^__next_f]", "[^__next_f]: A source."].join("\n\n"),
    );
    const found = ids(html);
    expect(found.length).toBeGreaterThanOrEqual(6);
    // With a hyphen an id is no JavaScript name, so `window.__next_f` stays Next.js's own.
    for (const id of found) expect(id).toMatch(/^(section|user-content)-/);
    expect(found).toContain("user-content-fn-__next_f");
    expect(toc.slice(0, 3).map((t) => t.id)).toEqual(["section-__next_f", "section-documentelement", "section-self"]);
    for (const entry of toc) expect(found).toContain(entry.id);
  });

  it("keeps in-page links (to a heading by its plain name, footnotes and back) leading to their target", async () => {
    const { html } = await renderMarkdown(
      ["## 1. Introduction", "As said in [the introduction](#1-introduction).[^1]", "[^1]: A source."].join("\n\n"),
    );
    const links = fragmentLinks(html);
    expect(links).toContain("section-1-introduction");
    expect(links.length).toBe(3);
    for (const target of links) expect(ids(html)).toContain(target);
  });

  it("shows images from the portal's own files and, of any other image, only its alt text", async () => {
    const { html } = await renderMarkdown(
      [
        "![Chart 1: trade](/en/publications/12/files/34)",
        "![Tracked chart](https://tracker.example/pixel.png)",
        "![](https://tracker.example/silent.png)",
        "![Protocol-relative](//tracker.example/p.png)",
        "![Relative](chart.png)",
        "**kept**",
      ].join("\n\n"),
    );
    expect(images(html)).toEqual(["/en/publications/12/files/34"]);
    expect(html).toContain('alt="Chart 1: trade"');
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("<p>Tracked chart</p>");
    expect(html).toContain("<p>Protocol-relative</p>");
    expect(html).toContain("<strong>kept</strong>");
    // What a browser reads as another host, though it starts with one slash.
    for (const src of ["/\\tracker.example/p.png", "/\t/tracker.example/p.png", "https://tracker.example/"]) {
      expect(isPortalPath(src)).toBe(false);
    }
    expect(isPortalPath("/ko/publications/1/files/2")).toBe(true);
  });

  it("strips scripts, event handlers and javascript: links", async () => {
    const { html } = await renderMarkdown(
      [
        "<script>alert(1)</script>",
        '<img src="x.png" onerror="alert(2)">',
        "[click](javascript:alert(3))",
        '<a href="javascript:alert(4)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "**kept**",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(html).toContain("<strong>kept</strong>");
  });
});
