import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { PAGE_BREAK } from "@/lib/uploads/pdf";

/** A stretch of a paper's text a snippet can come from. */
export type TextPart =
  | { where: "summary"; text: string }
  /** `section` counts the body's h2 and h3 headings (0 before the first): the table of contents' entry `section - 1`. */
  | { where: "body"; section: number; heading: string | null; text: string }
  | { where: "pdf"; attachmentId: number; page: number; text: string };

const markdown = unified().use(remarkParse).use(remarkGfm);

type MdNode = ReturnType<typeof markdown.parse>["children"][number];
const CONTAINERS = new Set(["list", "listItem", "blockquote", "table", "tableRow"]);

/** A block's plain text; the blocks inside a list, quote or table each on its own line (not run together). */
function plainText(node: MdNode): string {
  if (CONTAINERS.has(node.type) && "children" in node)
    return (node.children as MdNode[]).map((child) => plainText(child)).join("\n");
  return toString(node);
}

/** The body's plain text by section (Markdown syntax gone), headings where the table of contents has them. */
export function bodyParts(body: string): Extract<TextPart, { where: "body" }>[] {
  const parts: Extract<TextPart, { where: "body" }>[] = [{ where: "body", section: 0, heading: null, text: "" }];
  const lines: string[][] = [[]];
  for (const node of markdown.parse(body).children) {
    if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
      parts.push({ where: "body", section: parts.length, heading: toString(node).trim(), text: "" });
      lines.push([]);
      continue;
    }
    lines.at(-1)!.push(plainText(node));
  }
  return parts.map((p, i) => ({ ...p, text: lines[i]!.join("\n").trim() })).filter((p) => p.text !== "" || p.heading !== null);
}

/**
 * Where a body's blocks end: each blank line (a line feed, spaces or tabs,
 * a line feed), left to right, as `/\n[ \t]*\n/g` finds them. Looked for
 * from each line feed on rather than by that expression: splitting a page
 * of results' texts with it took some 8 % of their snippets' CPU (a profile
 * of the benchmark's first 300 searches with results, at 10,000 papers).
 */
function* blockEnds(text: string): Generator<{ start: number; end: number }> {
  for (let at = text.indexOf("\n"); at >= 0;) {
    let next = at + 1;
    while (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
    if (text.charCodeAt(next) === 10) {
      yield { start: at, end: next + 1 };
      at = text.indexOf("\n", next + 1);
    } else at = text.indexOf("\n", at + 1);
  }
}

/** A body's blocks: the stretches between its blank lines (blockEnds). */
function* blockSources(body: string): Generator<string> {
  let from = 0;
  for (const end of blockEnds(body)) {
    yield body.slice(from, end.start);
    from = end.end;
  }
  yield body.slice(from);
}

/**
 * A stretch of text whose plain form costs something to make (a body block's
 * Markdown, parsed): `source` holds every word the text can hold, so a
 * snippet makes the text only when the source's words could beat the best
 * part so far (lib/search/snippet.ts).
 */
export type DeferredPart = { source: string; text: () => TextPart | null };

/**
 * The body's blocks (the stretches between blank lines), each parsed to
 * plain text only when asked: a result's snippet needs no sections, and
 * parsing every block that holds a word of a common query was most of a
 * search page's snippet time. Empty blocks are left out.
 */
export function* bodyBlocks(body: string): Generator<DeferredPart> {
  for (const source of blockSources(body)) {
    if (source.trim() === "") continue;
    yield {
      source,
      text: () => {
        const text = blockText(source);
        return text === "" ? null : { where: "body", section: 0, heading: null, text };
      },
    };
  }
}

/**
 * One line with no character Markdown gives a meaning to, and not starting
 * like a list item or a thematic break: a paragraph whose plain text is the
 * line itself. Most of a paper's blocks are such; parsing them was most of a
 * search page's snippet time.
 */
const PLAIN_LINE = /^(?![ \t]*(?:[-+]|\d{1,9}[.)]))[^\n\r\0*_`[\]!<>&\\~|#]*$/;

/** A body block's plain text: the Markdown parsed, unless the block is a plain line. */
export function blockText(source: string): string {
  if (PLAIN_LINE.test(source)) return source.trim();
  return markdown
    .parse(source)
    .children.map((node) => plainText(node))
    .join("\n")
    .trim();
}

/**
 * The whole blocks of a body read only up to some length: the text before
 * the last blank line, since the block after it may go on past the cut.
 */
export function wholeBlocksOf(beginning: string): string {
  let end = 0;
  for (const m of blockEnds(beginning)) end = m.start;
  return beginning.slice(0, end);
}

/** A PDF's extracted text by page (pages are apart by a form feed; text read before they were is one page). */
export function pdfParts(attachmentId: number, text: string): Extract<TextPart, { where: "pdf" }>[] {
  return text.split(PAGE_BREAK).map((page, i) => ({ where: "pdf" as const, attachmentId, page: i + 1, text: page }));
}
