// Runs one statement on the search pool and returns without ending it, as a
// script that forgets to would (tests/search-pool.test.ts): the process must
// still exit once the pool's connections are idle.
import { searchDb } from "@/lib/db";

const rows = await searchDb.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
console.log(`searched ${rows[0]!.one}`);
