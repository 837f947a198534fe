import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

// GFM so tables and strikethrough survive; the portal sanitizes the Markdown when it renders it.
const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark).use(remarkGfm).use(remarkStringify);

/** An old site's HTML body as the portal's Markdown: scripts, styles and unknown markup drop out. */
export function htmlToMarkdown(html: string): string {
  return String(processor.processSync(html)).trim();
}
