// Markdown → sanitized HTML plus the table of contents, used identically by
// the reader page and the editor's preview.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { toString } from "hast-util-to-string";
import type { Root, Element, ElementContent } from "hast";

export type TocEntry = { id: string; text: string; level: 2 | 3 };

/**
 * Papers' renderings are stored (lib/publications/rendered-body.ts) under this
 * version: a change to what this file produces must raise it, or readers keep
 * getting the old output. tests/rendered-body.test.ts fails when this file
 * changes, as a reminder.
 */
export const RENDERER_VERSION = 1;
export type RenderedMarkdown = { html: string; toc: TocEntry[] };

/**
 * Before every heading's id. Browsers expose elements by id as globals
 * (`window.__next_f`): a hyphen makes the id no valid JavaScript name, so no
 * heading can stand in for one of the page's globals (DOM clobbering).
 */
export const HEADING_ID_PREFIX = "section-";
// Before every other id the Markdown makes (footnotes): added by the sanitizer.
const CLOBBER_PREFIX = "user-content-";

type Parent = Root | Element;

function walk(node: Parent, visit: (element: Element, parent: Parent, index: number) => void) {
  // Backwards, so a visitor may replace the element it is given.
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index];
    if (child?.type !== "element") continue;
    visit(child, node, index);
    walk(child, visit);
  }
}

/** Collects h2/h3 after rehype-slug has given them ids. */
function collectToc(toc: TocEntry[]) {
  return () => (tree: Root) => {
    const visit = (node: Parent) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if ((child.tagName === "h2" || child.tagName === "h3") && typeof child.properties.id === "string") {
          toc.push({ id: child.properties.id, text: toString(child).trim(), level: child.tagName === "h2" ? 2 : 3 });
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

/**
 * Ids carry a prefix the author does not write: `[see](#introduction)` and
 * the footnote links point at the prefixed id, when the document has it.
 */
function linkToPrefixedIds() {
  return (tree: Root) => {
    const ids = new Set<string>();
    walk(tree, (element) => {
      if (typeof element.properties.id === "string") ids.add(element.properties.id);
    });
    walk(tree, (element) => {
      const href = element.tagName === "a" ? element.properties.href : undefined;
      if (typeof href !== "string" || !href.startsWith("#")) return;
      let fragment: string;
      try {
        fragment = decodeURIComponent(href.slice(1));
      } catch {
        return;
      }
      if (ids.has(fragment)) return;
      const target = [CLOBBER_PREFIX + fragment, HEADING_ID_PREFIX + fragment].find((id) => ids.has(id));
      if (target) element.properties.href = `#${encodeURIComponent(target)}`;
    });
  };
}

const ORIGIN = "https://portal.invalid";

/**
 * A path on the portal itself (`/en/publications/12/files/34`, `/logo.svg`):
 * root-relative, so it means the same in the reader page and the editor's
 * preview, and resolved as a browser would (`/\host` and `/<tab>/host` are
 * other hosts).
 */
export function isPortalPath(src: string): boolean {
  if (!src.startsWith("/") || src.startsWith("//")) return false;
  try {
    return new URL(src, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}

/**
 * An image elsewhere would tell its server who reads the paper, and when:
 * only the portal's own files are shown. Another image becomes its alt text,
 * the words its author gave in its place, so the reader loses the picture and
 * not the sentence around it.
 */
function onlyPortalImages() {
  return (tree: Root) => {
    walk(tree, (element, parent, index) => {
      if (element.tagName !== "img") return;
      const src = element.properties.src;
      if (typeof src === "string" && isPortalPath(src)) return;
      const alt = typeof element.properties.alt === "string" ? element.properties.alt : "";
      const replacement: ElementContent[] = alt ? [{ type: "text", value: alt }] : [];
      parent.children.splice(index, 1, ...replacement);
    });
  };
}

// GitHub's schema already drops <script>, event handlers and javascript: URLs;
// raw HTML never reaches it (remark-rehype drops it). Headings get their ids
// from rehype-slug after sanitizing, so user ids cannot clobber ours.
// <source srcset> would load an image past onlyPortalImages: it gets no attributes.
const schema = {
  ...defaultSchema,
  clobberPrefix: CLOBBER_PREFIX,
  attributes: { ...defaultSchema.attributes, source: [] },
};

export async function renderMarkdown(markdown: string): Promise<RenderedMarkdown> {
  const toc: TocEntry[] = [];
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    // One prefix on footnote ids, the sanitizer's (two would read `user-content-user-content-fn-1`).
    .use(remarkRehype, { clobberPrefix: "" })
    .use(rehypeSanitize, schema)
    .use(rehypeSlug, { prefix: HEADING_ID_PREFIX })
    .use(linkToPrefixedIds)
    .use(onlyPortalImages)
    .use(collectToc(toc))
    .use(rehypeStringify)
    .process(markdown);
  return { html: String(file), toc };
}
