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
import type { Root, Element } from "hast";

export type TocEntry = { id: string; text: string; level: 2 | 3 };
export type RenderedMarkdown = { html: string; toc: TocEntry[] };

/** Collects h2/h3 after rehype-slug has given them ids. */
function collectToc(toc: TocEntry[]) {
  return () => (tree: Root) => {
    const visit = (node: Root | Element) => {
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

// GitHub's schema already drops <script>, event handlers and javascript: URLs.
// Headings get their ids from rehype-slug after sanitizing, so user ids cannot clobber ours.
const schema = { ...defaultSchema, clobberPrefix: "user-content-" };

export async function renderMarkdown(markdown: string): Promise<RenderedMarkdown> {
  const toc: TocEntry[] = [];
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeSlug)
    .use(collectToc(toc))
    .use(rehypeStringify)
    .process(markdown);
  return { html: String(file), toc };
}
