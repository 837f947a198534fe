import { describe, expect, it } from "vitest";
import { withoutReact } from "@/lib/render/static-page";

// The parts of a paper's page as Next.js 16 writes them (a production build's page, shortened).
const head = [
  `<meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/1x4s.css" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/1jex.js"/>`,
  `<link rel="modulepreload" href="/_next/static/chunks/x.mjs"/>`,
  `<script src="/_next/static/chunks/3iyk.js" async=""></script>`,
  `<script type="module" async="" src="/islands/paper-7ae8b4a2e6bf2313.js"></script>`,
  `<link rel="canonical" href="https://think.example/en/publications/22"/>`,
  `<script src="/_next/static/chunks/0cz1.js" noModule=""></script>`,
];
const ldJson = `<script type="application/ld+json">{"@type":"ScholarlyArticle","name":"A \\u003c/script\\u003e title"}</script>`;
const body = [
  `<div hidden=""><!--$--><!--/$--></div>`,
  `<main id="main" data-rendered-epoch="7">${ldJson}<h1>North Korea<!-- --> &amp; <!-- -->Russia</h1>`,
  `<send-email data-endpoint="/en/publications/22/email"><button type="button">Send Email</button></send-email>`,
  `<div class="prose"><p>Body with <code>&lt;script&gt;</code> shown as text.</p></div></main>`,
  `<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>`,
  `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script> and </div> in a string"])</script>`,
];
const page = (parts: { head: string[]; body: string[] }) =>
  `<!DOCTYPE html><html lang="en"><head>${parts.head.join("")}</head><body>${parts.body.join("")}</body></html>`;

describe("a page without React", () => {
  it("keeps the markup, styles, structured data and the islands' script, and nothing React's client needs", () => {
    const out = withoutReact(page({ head, body }));
    expect(out).toBe(
      page({
        head: [head[0]!, head[1]!, head[5]!, head[6]!],
        // React's hydration markers go too: the texts they kept apart read the same.
        body: [`<div hidden=""></div>`, body[1]!.replaceAll("<!-- -->", ""), ...body.slice(2, 4)],
      }),
    );
  });

  it("keeps an inline script marked as needing no React (the filters' fold on a phone)", () => {
    const fold = `<details open><script data-plain="">document.currentScript.parentElement.open=false</script></details>`;
    expect(withoutReact(page({ head: [], body: [fold, body[5]!] }))).toBe(page({ head: [], body: [fold] }));
  });

  it("keeps what only looks like a comment inside a text field or the title", () => {
    const raw = page({ head: [`<title>a <!-- b --></title>`], body: [`<textarea><!-- typed --></textarea>`] });
    expect(withoutReact(raw)).toBe(raw);
  });

  it("leaves a page without scripts as it was, and cuts a script left open at the end", () => {
    const plain = page({ head: [head[0]!], body: [`<p>a</p>`] });
    expect(withoutReact(plain)).toBe(plain);
    expect(withoutReact(`<p>a</p><script>self.__next_f.push([1,"cut off`)).toBe("<p>a</p>");
  });
});
