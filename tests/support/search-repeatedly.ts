// Searches the catalogue for argv[2] once, then three times at once: the same
// statement, named by then (lib/db-prepared.ts), on several connections of the
// search pool (tests/search-prepared.test.ts, tests/embedded-postgres.test.ts).
// Prints each search's total as JSON.
import { listPublications } from "@/lib/data/publications";
import { endPools } from "@/lib/db";
import { parseListingQuery } from "@/lib/validations/publications";

const { query } = parseListingQuery({ q: process.argv[2] });
const search = () => listPublications({ ...query, locale: "en" }, 1);
const first = await search();
const again = await Promise.all([search(), search(), search()]);
console.log(JSON.stringify([first, ...again].map((r) => r.total)));
await endPools();
