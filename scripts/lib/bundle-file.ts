import { renameSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build, stop } from "esbuild";

/**
 * Bundles one TypeScript entry point into one plain ES module for Node, its
 * npm packages left as imports. With `splitting`, what the entry imports with
 * `import()` goes into files of its own beside it (named after the entry and
 * their content), loaded only when that import runs. `alias` names files that
 * stand in for packages. Each file is replaced in
 * one step (written beside it, then renamed), the entry last, so a process
 * starting from it at the same moment never reads half a file or misses a part.
 */
export async function bundleFile(
  entry: string,
  outfile: string,
  { splitting = false, alias = {} }: { splitting?: boolean; alias?: Record<string, string> } = {},
): Promise<void> {
  const name = path.basename(outfile, ".mjs");
  const result = await build({
    entryPoints: { [name]: path.resolve(entry) },
    outdir: path.dirname(outfile),
    outExtension: { ".js": ".mjs" },
    chunkNames: `${name}-[hash]`,
    splitting,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias,
    logLevel: "warning",
    write: false,
  });
  // esbuild keeps a helper process for later builds; nothing here builds again.
  await stop();
  mkdirSync(path.dirname(outfile), { recursive: true });
  const written = path.resolve(outfile);
  const entryLast = result.outputFiles.toSorted((a, b) => Number(a.path === written) - Number(b.path === written));
  for (const file of entryLast) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}
