// Searches the catalogue for argv[2] once, then three times at once: the same
// statement, named by then (lib/db-prepared.ts), on several connections of the
// search pool (tests/search-prepared.test.ts, tests/embedded-postgres.test.ts).
// Prints each search's total as JSON, then how many search statements the
// busiest of the pool's connections keeps prepared.
import { listPublications } from "@/lib/data/publications";
import { endPools, searchDb } from "@/lib/db";
import { parseListingQuery } from "@/lib/validations/publications";

const { query } = parseListingQuery({ q: process.argv[2] });
const search = () => listPublications({ ...query, locale: "en" }, 1);
const first = await search();
const again = await Promise.all([search(), search(), search()]);
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
