import { Parser } from "htmlparser2";
import { ISLANDS_DIR } from "./island-files";
import { PLAIN_SCRIPT_ATTRIBUTE } from "./plain-script";

/** Scripts a page keeps without React: its structured data, its islands, and inline scripts marked as needing no React. */
function keepsScript(attribs: Record<string, string>): boolean {
  return (
    attribs.type === "application/ld+json" ||
    (attribs.src ?? "").startsWith(`/${ISLANDS_DIR}/`) ||
    attribs[PLAIN_SCRIPT_ATTRIBUTE] !== undefined
  );
}

/** A <link> only React's client needs: its scripts, fetched ahead. */
function clientPreload(attribs: Record<string, string>): boolean {
  const rel = attribs.rel?.toLowerCase();
  return rel === "modulepreload" || (rel === "preload" && attribs.as === "script");
}

/**
 * A page rendered by Next.js, as plain HTML: without React's scripts and the
 * component data they hydrate from (the page's content a second time, as
 * data), keeping its structured data and the islands' script, which give the
 * page the little it does in the browser (islands/paper.ts), and without
 * the comments React marks its texts with for hydration. Links then load
 * pages as links do; every part of the page reads the same.
 */
export function withoutReact(html: string): string {
  const cuts: [number, number][] = [];
  let scriptStart = -1;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "script" && !keepsScript(attribs)) scriptStart = parser.startIndex;
        else if (name === "link" && clientPreload(attribs)) cuts.push([parser.startIndex, parser.endIndex + 1]);
      },
      // React's markers between adjacent texts and around Suspense boundaries, for hydration.
      oncomment() {
        cuts.push([parser.startIndex, parser.endIndex + 1]);
      },
      onclosetag(name) {
        if (name !== "script" || scriptStart === -1) return;
        cuts.push([scriptStart, parser.endIndex + 1]);
        scriptStart = -1;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  let out = "";
  let at = 0;
  for (const [start, end] of cuts) {
    out += html.slice(at, start);
    at = end;
  }
  return out + html.slice(at);
}
