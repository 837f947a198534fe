import { unstable_cache } from "next/cache";

/**
 * Next's data cache where Next is running; the plain function elsewhere
 * (scripts, tests), where Next's cache has no store to live in.
 */
export function cachedQuery<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  keyParts: string[],
  options: { revalidate: number; tags: string[] },
) {
  return process.env.NEXT_RUNTIME ? unstable_cache(fn, keyParts, options) : fn;
}
