import { createHash } from "node:crypto";

/**
 * Names for the statements a pool's connections keep prepared (PrismaPg's
 * statementNameGenerator), or none (""), for statements planned anew each time.
 *
 * Why: a catalogue search is one large statement (lib/data/search-slice.ts)
 * whose text depends only on the query's shape (how many words, which facets,
 * which sort), its words and filters travelling as parameters; the bench's
 * thousands of searches have a dozen shapes. Parsed and planned anew each
 * time, it took 4.4 ms of the 12.6 ms PostgreSQL spent on a search at 10,000
 * papers; prepared, it is planned once per connection, a generic plan for
 * any values (the search pool's plan_cache_mode, lib/db.ts). A page's own
 * statements on the process's pool (its results' rows and texts, a paper's
 * row) are small, but parsing and planning each anew took longer than running
 * it (a page of results' rows: 0.6 ms to parse, 1.1 to plan, 0.25 to run,
 * from PostgreSQL's log, the machine busy): they are named the same way
 * (lib/db.ts).
 *
 * Bounded, since a prepared statement of that size holds about 1.3 MB of a
 * connection's memory until the connection closes: a shape is named only
 * once it has come back (one seen once may never be again) and only the
 * first MAX_NAMED shapes so seen; any other runs unnamed, as before.
 *
 * Off on the embedded database (PGlite), which serves every connection from
 * one session: a statement prepared by two connections, or by a connection
 * opened after another one closed, would be an error there.
 */
export const MAX_NAMED = 24;
const UNNAMED = "";
/** Shapes counted before the count starts over: a bound on memory, however many one-off shapes arrive. */
const MAX_COUNTED = 1000;

export type StatementNames = {
  /** The statement's name, or "" to run it unnamed (pg's unnamed statement). */
  nameFor(sql: string): string;
  /** Whether the server can keep statements per connection; false on PGlite. */
  allow(allowed: boolean): void;
};

export function statementNames(prefix: string, maxNamed = MAX_NAMED): StatementNames {
  let allowed = false;
  const seen = new Map<string, number>();
  const named = new Set<string>();
  return {
    allow(value) {
      allowed = value;
    },
    nameFor(sql) {
      if (!allowed) return UNNAMED;
      const name = `${prefix}_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
      if (named.has(name)) return name;
      if (named.size >= maxNamed) return UNNAMED;
      const times = (seen.get(name) ?? 0) + 1;
      if (times < 2) {
        if (seen.size >= MAX_COUNTED) seen.clear();
        seen.set(name, times);
        return UNNAMED;
      }
      seen.delete(name);
      named.add(name);
      return name;
    },
  };
}

/** Whether `version()`'s text is PGlite's, whose connections share one session. */
export function isPglite(version: string): boolean {
  return /\bPGlite\b/.test(version);
}
