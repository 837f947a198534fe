import path from "node:path";
import { bundleFile } from "./bundle-file";

// The portal's server (server/main.ts) runs as one plain JavaScript file in
// production: running it through tsx would keep a TypeScript loader thread
// (about 100 MB) alive in the server for nothing. It is rebuilt on every start
// (well under a second), so it never lags behind the source.
const BUNDLE = path.resolve(".next/portal/server.mjs");

export async function buildServerBundle(): Promise<void> {
  await bundleFile("server/main.ts", BUNDLE);
}

/**
 * Node's arguments for the portal's server: the bundle in production, the
 * source (through tsx) in development; the heap bounded by SERVER_HEAP_MB.
 */
export function serverArgs(mode: "start" | "dev", heapMb: number): string[] {
  const heap = `--max-old-space-size=${heapMb}`;
  return mode === "dev" ? [heap, "--import", "tsx", path.resolve("server/main.ts"), "dev"] : [heap, BUNDLE];
}
