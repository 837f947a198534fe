// What an article page weighs: its HTML, how much of that is the React Server
// Component data Next.js embeds for hydration (which repeats what the page
// shows), the paper's body as HTML, and the compressed transfer.
import { gzipSync } from "node:zlib";
import type { Element, Root, RootContent } from "hast";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

export type PageWeight = {
  htmlBytes: number;
  /** The `self.__next_f.push(...)` scripts: component data for hydration. */
  componentDataBytes: number;
  /** The paper's body as the page renders it (the `.prose` element). */
  bodyBytes: number;
  /** The whole page over gzip (level 6), as a browser that accepts gzip receives it. */
  gzipBytes: number;
};

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === "element") yield node;
  if ("children" in node) for (const child of node.children) yield* elements(child);
}

const classes = (e: Element) => {
  const c = e.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
};

export function pageWeight(html: string): PageWeight {
  const tree = unified().use(rehypeParse).parse(html);
  let componentDataBytes = 0;
  let bodyBytes = 0;
  for (const e of elements(tree)) {
    if (e.tagName === "script") {
      const text = e.children.map((c) => (c.type === "text" ? c.value : "")).join("");
      if (text.includes("self.__next_f")) componentDataBytes += bytes(text);
    } else if (bodyBytes === 0 && classes(e).includes("prose")) {
      bodyBytes = bytes(
        unified()
          .use(rehypeStringify)
          .stringify({ type: "root", children: [e] }),
      );
    }
  }
  return { htmlBytes: bytes(html), componentDataBytes, bodyBytes, gzipBytes: gzipSync(html, { level: 6 }).length };
}
