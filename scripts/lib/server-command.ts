import path from "node:path";

// How Node runs the portal's server (server/main.ts). Apart from the bundling
// (server-bundle.ts), so the launcher can name the server without loading esbuild.

/** The server's bundle, written by buildServerBundle(). */
export const SERVER_BUNDLE = path.resolve(".next/portal/server.mjs");

/** Node's option bounding the heap. */
export function heapOption(heapMb: number): string {
  return `--max-old-space-size=${heapMb}`;
}

/**
 * Node's arguments for the portal's server: the bundle in production, the
 * source (through tsx) in development; the heap bounded by SERVER_HEAP_MB.
 */
export function serverArgs(mode: "start" | "dev", heapMb: number): string[] {
  const heap = heapOption(heapMb);
  return mode === "dev" ? [heap, "--import", "tsx", path.resolve("server/main.ts"), "dev"] : [heap, SERVER_BUNDLE];
}
