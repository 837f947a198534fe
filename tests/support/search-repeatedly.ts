// Searches the catalogue for argv[2] once, then three times at once: the same
// statement, named by then (lib/db-prepared.ts), on several connections of the
// search pool (tests/search-prepared.test.ts, tests/embedded-postgres.test.ts).
// Prints how many of the pages' own statements (the results' rows and texts,
// read through the process's pool) the busiest of that pool's connections
// keeps prepared, then each search's total as JSON, then how many search
// statements the busiest of the search pool's connections keeps prepared.
import { listPublications } from "@/lib/data/publications";
import { db, endPools, searchDb } from "@/lib/db";
import { parseListingQuery } from "@/lib/validations/publications";

const { query } = parseListingQuery({ q: process.argv[2] });
const search = () => listPublications({ ...query, locale: "en" }, 1);
const first = await search();
const again = await Promise.all([search(), search(), search()]);
// The process's pool: a connection each (it has ten), those that read the results' rows and texts among
// them. The patterns are parameters, so that this statement's own text, prepared too, does not match.
const pages = await Promise.all(
  Array.from(
    { length: 10 },
    () => db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_prepared_statements, pg_sleep(0.2)
      WHERE name LIKE ${"page\\_%"} AND statement LIKE ${'%"Publication"%'}`,
  ),
);
console.log(`page statements prepared ${Math.max(...pages.map((rows) => rows[0]!.n))}`);
console.log(JSON.stringify([first, ...again].map((r) => r.total)));
// Asked of every connection at once (the pool has three); the pattern a parameter, so that this
// statement's own text does not match it.
const kept = await Promise.all(
  [0, 1, 2].map(
    () => searchDb.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_prepared_statements, pg_sleep(0.2) WHERE statement LIKE ${"%SearchDocument%"}`,
  ),
);
console.log(`prepared ${Math.max(...kept.map((rows) => rows[0]!.n))}`);
await endPools();
