// `npm run bench:plans [-- --searches 200] [--slowest 10] [--rounds 1]`: where the search
// statement's time goes, on the catalogue `npm run bench -- --database-only`
// left (same --size). Each of the benchmark's first searches is prepared and
// run as the search pool runs it (a generic plan, the pool's settings) under
// EXPLAIN ANALYZE, and the time of each part (a CTE, a subplan) is summed over
// all of them. The README's figures of the statement alone come from this;
// the server's own share is what `npm run bench -- --search-only` adds.
import { createRequire } from "node:module";
import pg from "pg";
import { catalogueSliceSql } from "@/lib/data/catalogue-filter";
import { PAGE_SIZE } from "@/lib/data/publications";
import { SEARCH_SETTINGS } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import type { SyllableMatch } from "@/lib/search/query";
import { parseListingQuery } from "@/lib/validations/publications";
import { searchPaths } from "./catalogue";
import { benchDatabaseUrl } from "./database";
import { percentile } from "./load";
import { benchOptions, refuse, wholeNumber } from "./options";

const USAGE =
  "Usage: npm run bench:plans [-- --searches N] [--slowest N] [--rounds N] [--syllables token|prefix] [--count-cap N]";
const values = benchOptions(USAGE, {
  searches: { type: "string", default: "200" },
  slowest: { type: "string", default: "10" },
  // Each search run this many times, its fastest run kept: that drops a search's stray slow run.
  // It does not steady whole runs: on this machine two runs of 400 searches, a minute apart, still
  // differed by a fifth with 3 (README Performance), so versions are compared taking turns.
  rounds: { type: "string", default: "1" },
  // How one-syllable Korean words are asked for (lib/search/query.ts: SyllableMatch): the prefix is
  // what searches use while documents of an older tokenizer are left.
  syllables: { type: "string", default: "token" },
  // The papers a search counts one by one, to price another cap; unset, the server's (countCapOfServer).
  "count-cap": { type: "string" },
});
if (values.syllables !== "token" && values.syllables !== "prefix")
  refuse(`--syllables is "token" or "prefix", not "${values.syllables}".`, USAGE);
const SYLLABLES: SyllableMatch = values.syllables;
const SEARCHES = wholeNumber(USAGE, "--searches", values.searches, 1, 10_000);
const SLOWEST = wholeNumber(USAGE, "--slowest", values.slowest, 0, 100);
const ROUNDS = wholeNumber(USAGE, "--rounds", values.rounds, 1, 20);
const COUNT_CAP_TRIED =
  values["count-cap"] === undefined ? countCapOfServer() : wholeNumber(USAGE, "--count-cap", values["count-cap"], 1, 100_000);

/** SEARCH_COUNT_CAP as the server reads it: the benchmark's server takes this environment too. */
function countCapOfServer(): number {
  try {
    return parseEnv(process.env).SEARCH_COUNT_CAP;
  } catch (error) {
    refuse((error as Error).message, USAGE);
  }
}

// pg's own conversion of a value to the text it sends: EXECUTE takes its values as literals.
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as { prepareValue: (v: unknown) => string | null };

/** A plan node of EXPLAIN (FORMAT JSON), as far as it is read here. */
type PlanNode = {
  "Subplan Name"?: string;
  "Index Name"?: string;
  "Actual Total Time": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode; "Execution Time": number; "Planning Time": number };

/** The time (in ms, inclusive of what each node reads) of the nodes of one plan, summed by `key`; nodes without one are left out. */
function timeBy(key: "Subplan Name" | "Index Name", node: PlanNode, into = new Map<string, number>()): Map<string, number> {
  const name = node[key];
  if (name) into.set(name, (into.get(name) ?? 0) + node["Actual Total Time"] * node["Actual Loops"]);
  for (const child of node.Plans ?? []) timeBy(key, child, into);
  return into;
}

/** Each named part's time in one plan (a CTE, a subplan). */
const partsOf = (plan: PlanNode) => timeBy("Subplan Name", plan);

/**
 * Each index's time in one plan: its scans' own time. A bitmap scan of a
 * word's index reads every document holding the word whatever the LIMIT above
 * it, so its share grows with the catalogue (README Performance, "Cutting the
 * words' indexes in chunks").
 */
const indexesOf = (plan: PlanNode) => timeBy("Index Name", plan);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `[bench] No benchmark catalogue to read (${(error as Error).message}): run \`npm run bench -- --database-only\` first.`,
    );
    process.exit(1);
  }
  try {
    const slugs = (await client.query<{ slug: string }>(`SELECT slug FROM "Series" ORDER BY id`)).rows.map((r) => r.slug);
    // The search pool's settings, without its time limit: a slow search is what is looked for.
    for (const setting of SEARCH_SETTINGS) await client.query(setting);
    const byPart = new Map<string, number>();
    const byIndex = new Map<string, number>();
    const searches: { path: string; ms: number; parts: Map<string, number> }[] = [];
    let planning = 0;
    for (const [i, path] of searchPaths(slugs).slice(0, SEARCHES).entries()) {
      const url = new URL(path, "http://bench");
      const locale = url.pathname.split("/")[1] === "ko" ? "ko" : "en";
      const { query } = parseListingQuery(Object.fromEntries(url.searchParams));
      const statement = catalogueSliceSql({ ...query, locale }, query.page, PAGE_SIZE, {
        syllables: SYLLABLES,
        countCap: COUNT_CAP_TRIED,
      });
      await client.query(`PREPARE s${i} AS ${statement.text}`);
      const values = statement.values.map((v) => {
        const text = prepareValue(v);
        return text === null ? "NULL" : client.escapeLiteral(text);
      });
      const explain = async () => {
        const { rows } = await client.query<{ "QUERY PLAN": Explained[] }>(
          `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE s${i}${values.length > 0 ? `(${values.join(", ")})` : ""}`,
        );
        return rows[0]!["QUERY PLAN"][0]!;
      };
      let explained = await explain();
      for (let round = 1; round < ROUNDS; round++) {
        const run = await explain();
        if (run["Execution Time"] < explained["Execution Time"]) explained = run;
      }
      await client.query(`DEALLOCATE s${i}`);
      // Planning is left out: the pool plans each shape once per connection (prepared statements).
      planning += explained["Planning Time"];
      const parts = partsOf(explained.Plan);
      for (const [name, ms] of parts) byPart.set(name, (byPart.get(name) ?? 0) + ms);
      for (const [name, ms] of indexesOf(explained.Plan)) byIndex.set(name, (byIndex.get(name) ?? 0) + ms);
      searches.push({ path: decodeURIComponent(path), ms: explained["Execution Time"], parts });
    }
    const times = searches.map((s) => s.ms).sort((a, b) => a - b);
    console.log(
      `${searches.length} searches, executed: ${seconds(times.reduce((a, b) => a + b, 0))}, p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms (planning apart: ${seconds(planning)})`,
    );
    console.log("Parts, summed (a part's time includes the parts it reads):");
    for (const [name, ms] of [...byPart].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`  ${name.padEnd(30)} ${seconds(ms)}`);
    console.log("Index scans, summed (each scan's own time; an index scan's includes its table's reads):");
    for (const [name, ms] of [...byIndex].sort((a, b) => b[1] - a[1]).slice(0, 10))
      console.log(`  ${name.padEnd(40)} ${seconds(ms)}`);
    if (SLOWEST > 0) console.log(`The slowest ${SLOWEST}:`);
    for (const s of [...searches].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST)) {
      const top = [...s.parts].sort((a, b) => b[1] - a[1]).slice(0, 3);
      console.log(`  ${s.ms.toFixed(1)} ms ${s.path}\n      ${top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(" · ")}`);
    }
  } finally {
    await client.end();
  }
}

await main();
