import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";

describe("renderMarkdown", () => {
  it("builds the table of contents from headings with stable anchors, Korean included", async () => {
    const { html, toc } = await renderMarkdown("## 1. Introduction\n\ntext\n\n### Detail\n\n## 2. 한국의 정책\n\nmore");
    expect(toc).toEqual([
      { id: "1-introduction", text: "1. Introduction", level: 2 },
      { id: "detail", text: "Detail", level: 3 },
      { id: "2-한국의-정책", text: "2. 한국의 정책", level: 2 },
    ]);
    expect(html).toContain('<h2 id="2-한국의-정책">');
  });

  it("gives repeated headings distinct anchors", async () => {
    const { toc } = await renderMarkdown("## Notes\n\n## Notes");
    expect(toc.map((t) => t.id)).toEqual(["notes", "notes-1"]);
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
