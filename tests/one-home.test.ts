// Facts the edge and the app must agree on live in one source file each, so
// changing one is a one-file change (tests and e2e specs may spell them out:
// they are the examples, not the source).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "server", "scripts", "prisma"];
const SOURCE_FILES = ["proxy.ts", "next.config.ts", "instrumentation.ts"];

function sourceFiles(): string[] {
  const found: string[] = [...SOURCE_FILES];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(?:ts|tsx|mjs|js)$/.test(entry.name)) found.push(rel);
    }
  };
  SOURCE_DIRS.forEach(walk);
  return found;
}

const files = sourceFiles().map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") }));
const holders = (pattern: RegExp) => files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

describe("one home for each fact", () => {
  it("sees the whole source tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(holders(/createMiddleware\(routing\)/)).toEqual(["proxy.ts"]);
  });

  it("writes the locale list only in lib/i18n/routing.ts", () => {
    expect(holders(/\bko\s*\|\s*en\b|\ben\s*\|\s*ko\b|["'`]ko["'`]\s*,\s*["'`]en["'`]|["'`]en["'`]\s*,\s*["'`]ko["'`]/)).toEqual([
      "lib/i18n/routing.ts",
    ]);
  });

  it("writes the catalogue's header name only in the edge's route table", () => {
    expect(holders(/x-perspectives-listing-key/i)).toEqual(["lib/edge/routes.ts"]);
  });

  it("writes the route header in the route table and, as Next.js must read it, in proxy.ts's matcher", () => {
    // proxy.ts's copy is checked against the table in tests/edge-routes.test.ts.
    expect(holders(/x-perspectives-route\b/i).sort()).toEqual(["lib/edge/routes.ts", "proxy.ts"]);
  });

  it("writes the publication-page and id patterns only in the edge's route table", () => {
    expect(holders(/\[1-9\]\s*(?:\[0-9\]|\\d)(?!\{3\})/)).toEqual(["lib/edge/routes.ts"]);
    // A path pattern, not a typed route such as "/[locale]/publications/[id]".
    expect(holders(/publications\\?\/(?:\(|\\d|\[1-9|\[0-9)/)).toEqual(["lib/edge/routes.ts"]);
  });
});
