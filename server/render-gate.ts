// Papers' pages are handed to Next.js a few at a time; the others wait their
// turn, first come, first served. Catalogue pages (listings, searches) take
// turns the same way, at a gate of their own (server/main.ts).
//
// Why: the server has one thread, so fifty renders started together end no
// sooner than fifty in turn. But each holds its page, its component data and
// its queries' rows until it ends, so fifty at once (readers arriving from a
// newsletter, or a crawler going through the archive) hold fifty pages'
// worth of memory, and every one of them waits for all the others. In turn,
// memory stays bounded by the few being rendered, and the first readers get
// their page first.
//
// A request waits here only for Next.js: the page copy (page-cache.ts) answers
// before it, and a page Next.js holds in its own cache takes its slot only for
// the moment it takes to send it. Catalogue pages wait at a gate of their
// own: a search spends its time waiting for the database, on a pool of its own
// (searchPool in lib/db.ts), and must not hold up papers' pages meanwhile; but
// fifty listings and searches rendered at once held fifty renders' memory
// (the mixed scenario of the benchmark took the server to 400 MB) for no
// sooner an answer.
import type { ServerResponse } from "node:http";
import pLimit from "p-limit";

/** Calls `render` once fewer than `atOnce` earlier renders are still answering; not at all if the reader left meanwhile. */
export type RenderGate = (res: ServerResponse, render: () => void) => void;

export function createRenderGate(atOnce: number): RenderGate {
  const limit = pLimit(atOnce);
  return (res, render) => {
    void limit(
      () =>
        new Promise<void>((done) => {
          // Gone while waiting: nobody is there to read the page.
          if (res.destroyed) return done();
          // After the last byte, or when the connection is lost mid-answer.
          res.once("close", done);
          render();
        }),
    );
  };
}
