import path from "node:path";

// How Node runs the portal's server (server/main.ts). Apart from the bundling
// (server-bundle.ts), so the launcher can name the server without loading esbuild.

/** The server's bundle, written by buildServerBundle(). */
export const SERVER_BUNDLE = path.resolve(".portal/bin/server.mjs");

/**
 * What the server's process needs in its environment from its start, beside
 * what it is given: the C library's memory arenas bounded to two. glibc gives
 * every thread that allocates an arena of its own (up to eight per core), and
 * Node's threads (the pool compressing stored pages, V8's helpers) each keep
 * the memory they once used. Two measured 30 MB less resident memory under 20
 * searches at once, at the same throughput. glibc reads it as the process
 * starts, so it cannot be set from inside; an operator's own value is kept.
 */
export function serverProcessEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: "2" };
}

/** The server's heap, as configured (lib/env.ts). */
export type ServerMemory = { SERVER_HEAP_MB: number; SERVER_SEMI_SPACE_MB: number };

/**
 * Node's options bounding the heap: the old generation (where what lives
 * past a few collections goes) and each of the young generation's two
 * halves, which V8 otherwise grows to 16 MB each under a busy server's
 * allocations, whatever the old generation's bound.
 */
export function memoryOptions(memory: ServerMemory): string[] {
  return [`--max-old-space-size=${memory.SERVER_HEAP_MB}`, `--max-semi-space-size=${memory.SERVER_SEMI_SPACE_MB}`];
}

/**
 * Node's arguments for the portal's server: the bundle in production, the
 * source (through tsx) in development; the heap bounded as configured.
 */
export function serverArgs(mode: "start" | "dev", memory: ServerMemory): string[] {
  const options = memoryOptions(memory);
  return mode === "dev" ? [...options, "--import", "tsx", path.resolve("server/main.ts"), "dev"] : [...options, SERVER_BUNDLE];
}
