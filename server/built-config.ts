import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Hands Next.js the configuration `next build` serialized from
 * next.config.ts (`.next/required-server-files.json`), as Next's own
 * standalone server does, instead of letting it load next.config.ts: that
 * would start Next's native TypeScript compiler (SWC, ~30 MB and its threads)
 * in every production server just to read a file that cannot have changed
 * since the build. The rewrites and headers come from the build's manifests
 * either way.
 */
export function applyBuiltConfig(dir = process.cwd()) {
  const file = path.join(dir, ".next", "required-server-files.json");
  let config: unknown;
  try {
    config = (JSON.parse(readFileSync(file, "utf8")) as { config?: unknown }).config;
  } catch (e) {
    throw new Error(`no production build found (${(e as Error).message}); run \`npm run build\` first.`);
  }
  if (!config || typeof config !== "object") throw new Error(`${file} holds no configuration; run \`npm run build\` again.`);
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
