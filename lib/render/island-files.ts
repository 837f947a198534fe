// Where the islands' bundle is written and how it is named: shared by the
// bundler (scripts/lib/islands-bundle.ts, run by next.config.ts) and the
// pages that load it (lib/render/island-script.ts).
//
// Relative imports only: next.config.ts loads this file with Next's own
// TypeScript hook, which does not know the `@/` alias.

/** Under public/, so Next.js serves it; the URL path is the same without "public". */
export const ISLANDS_DIR = "islands";

/** The bundle's file: its content's hash in the name, so browsers may keep it for good. */
export const islandFileName = (hash: string) => `paper-${hash}.js`;

export const ISLAND_FILE_PATTERN = /^paper-[0-9a-f]{16}\.js$/;
