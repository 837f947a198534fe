// Which searches Next.js keeps a rendered page of. Every catalogue query has a
// cached page of its own (lib/edge/routes.ts, revalidated every 10 s), in
// Next's in-memory cache of 16 MB that every listing shares (next.config.ts).
// Most searches are asked for once: written there, each cost about 4 ms of the
// server's CPU and pushed out a listing that readers were still asking for. A
// search is cached from its second ask; its first is rendered for itself.
// Only a hint, so it may live in the process: another instance merely decides
// for itself.

/** Searches remembered: one asked again within the last this many distinct searches is cached. */
const REMEMBERED = 10_000;

/** Returns whether a search (its listing key) is to be cached: true from its second ask on. */
export function createSearchAdmission(remembered = REMEMBERED): (key: string) => boolean {
  // A Map iterates in insertion order: the first key is the one asked longest ago.
  const asked = new Map<string, true>();
  return (key) => {
    const before = asked.delete(key);
    asked.set(key, true);
    if (asked.size > remembered) asked.delete(asked.keys().next().value!);
    return before;
  };
}
