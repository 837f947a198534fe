// Bundles the paper page's islands (islands/paper.ts) into one small browser
// script under public/islands/, named after its content. Run by
// next.config.ts whenever `next build` or `next dev` starts, so every build
// (npm start's, npm test's, the benchmark's) carries the islands it renders.
//
// Relative imports only: next.config.ts loads this file with Next's own
// TypeScript hook.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { ISLAND_FILE_PATTERN, ISLANDS_DIR, islandFileName } from "../../lib/render/island-files";

export function buildIslands(root = process.cwd()): string {
  const [output] = buildSync({
    entryPoints: [path.join(root, "islands/paper.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    // What the site's supported browsers run without a polyfill (custom elements, <dialog>, fetch).
    target: ["es2020"],
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "warning",
  }).outputFiles;
  if (!output) throw new Error("esbuild wrote nothing for islands/paper.ts");
  const name = islandFileName(createHash("sha256").update(output.contents).digest("hex").slice(0, 16));
  const dir = path.join(root, "public", ISLANDS_DIR);
  mkdirSync(dir, { recursive: true });
  // Written beside, then renamed: a server starting meanwhile never lists half a file.
  const partial = path.join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(partial, output.contents);
  renameSync(partial, path.join(dir, name));
  // Earlier builds' bundles: a page names the bundle of the build that rendered it (server/stored-pages.ts keeps no other).
  for (const file of readdirSync(dir)) if (file !== name && ISLAND_FILE_PATTERN.test(file)) rmSync(path.join(dir, file));
  return name;
}
