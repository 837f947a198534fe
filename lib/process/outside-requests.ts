import { AsyncLocalStorage } from "node:async_hooks";

// Node gives every async resource the AsyncLocalStorage stores of the code
// that creates it. A database connection opened while a page renders (a pool
// growing under load) kept that request's stores for as long as it lived, and
// through them every later request's: Next aborts each request's cache signal
// with an Error, whose stack keeps the Immediate it was made in, whose stale
// links keep every Immediate of its batch and their requests' stores
// (nodejs/node#66129). Under distinct searches the server grew about 10 MB a
// second until its heap ran out. Whatever lives longer than a request is
// therefore made in the context the process started in.

const SLOT = Symbol.for("perspectives.outsideRequests");
type Runner = <R>(fn: () => R) => R;
const slot = globalThis as { [SLOT]?: Runner };

/** Keeps the context the process starts in, before any request (server/main.ts, first thing). */
export function keepStartContext(): void {
  slot[SLOT] ??= AsyncLocalStorage.snapshot();
}

/**
 * Runs `fn` in the context the process started in, so nothing it creates
 * keeps a request's stores. Where none was kept (scripts, tests: no requests
 * to keep), runs it as it is.
 */
export function outsideRequests<R>(fn: () => R): R {
  const run = slot[SLOT];
  return run ? run(fn) : fn();
}
