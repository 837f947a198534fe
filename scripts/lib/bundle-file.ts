import { renameSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build, stop } from "esbuild";

/**
 * Bundles one TypeScript entry point into one plain ES module for Node, its
 * npm packages left as imports. The file is replaced in one step (written
 * beside it, then renamed), so a process starting from it at the same moment
 * never reads half a file.
 */
export async function bundleFile(entry: string, outfile: string): Promise<void> {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    write: false,
  });
  // esbuild keeps a helper process for later builds; nothing here builds again.
  await stop();
  mkdirSync(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}
