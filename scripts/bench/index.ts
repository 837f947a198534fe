// `npm run bench [-- --size 100000] [-- --seconds 20]`: builds the production
// server, generates a catalogue in a fresh PostgreSQL database, and drives load
// on loopback at 50 connections. Prints one table and writes bench/results/<date>.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PAGE_SIZE } from "@/lib/catalogue/page-size";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { buildLauncherBundle } from "@/scripts/lib/launcher-bundle";
import { seedDatabase } from "@/prisma/seed/seed";
import { buildWithCeilingPage } from "./build";
import { generateCatalogue, searchPaths } from "./catalogue";
import { drive, warmUp, WARM_UP_HEADERS as BOT, type ScenarioResult } from "./load";
import { COUNTING, countingCost, countingLine, countingPairs, type CountingPair } from "./counting";
import { countingCrossover, crossoverCost, crossoverLine, type CrossoverWindow } from "./crossover";
import { pct, round3 } from "./figures";
import { pageWeight, type PageWeight } from "./page-weight";
import { coldArticles, mixedRequests, zipfArticles, type ReaderRequest } from "./readers";
import { ensureNginx } from "@/scripts/lib/nginx";
import { progressPrinter } from "@/lib/import/progress";
import { waitForStoredPages } from "./stored-pages";
import { startDeployment } from "./deployment";
import { benchOptions, refuse, wholeNumber } from "./options";
import { postgresCpuTime, postmasterOf } from "./processes";
import { stopAllServers, type BenchServer } from "./server";
import { soak, soakSeconds } from "./soak";
import { BENCH_ADMIN_URL, BENCH_DB_NAME, benchDatabaseUrl } from "./database";

const USAGE =
  "Usage: npm run bench [-- --size N] [--seconds N] [--instances 1-8] [--soak 15m] [--skip-build] [--database-only] [--reuse-database] [--search-only] [--counting-only]";
const values = benchOptions(USAGE, {
  size: { type: "string", default: "10000" },
  seconds: { type: "string", default: "20" },
  "skip-build": { type: "boolean", default: false },
  // Builds the catalogue database and the search index, then stops: for profiling queries on it.
  "database-only": { type: "boolean", default: false },
  // Measures on the catalogue an earlier run left (same --size), instead of building it again:
  // at 100,000 papers the search index alone takes many minutes to build.
  "reuse-database": { type: "boolean", default: false },
  // Only the search scenarios, without storing every paper's page first: the large run's figures
  // (issue 18) in minutes rather than the hour storing 100,000 pages takes.
  "search-only": { type: "boolean", default: false },
  // Only counting's price (the pairs, side by side): what it costs, in minutes.
  "counting-only": { type: "boolean", default: false },
  // Several instances sharing the database behind nginx (installed from Debian when missing).
  instances: { type: "string", default: "1" },
  // A long run of the mixed scenario at half its full speed, watching memory: e.g. --soak 15m.
  soak: { type: "string" },
});
const SIZE = wholeNumber(USAGE, "--size", values.size, 10);
const SECONDS = wholeNumber(USAGE, "--seconds", values.seconds, 1);
const INSTANCES = wholeNumber(USAGE, "--instances", values.instances, 1, 8);
const SOAK_SECONDS = values.soak === undefined ? null : soakDuration(values.soak);

function soakDuration(text: string) {
  try {
    return soakSeconds(text);
  } catch (error) {
    refuse((error as Error).message, USAGE);
  }
}
const CONNECTIONS = 50;
/** Counting-on and counting-off runs of the article page, side by side (scripts/bench/counting.ts). */
const COUNTING_PAIRS = 5;
/** The crossover (scripts/bench/crossover.ts): pairs of processes, each taking turns counting over windows of so many seconds. */
const CROSSOVER_PROCESSES = 3;
const CROSSOVER_WINDOWS = 6;
const CROSSOVER_WINDOW_SECONDS = 10;
/** Requests listed for a reader scenario: more than a run can send at full speed. */
const READER_REQUESTS = 200_000;
const PORT = 3300;
const log = (m: string) => console.log(`[bench] ${m}`);
const WORK = path.resolve("bench/.work");
const SECRET = "bench-secret-bench-secret-bench-secret";

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** Every paper's folded views together, and the views still waiting to be folded. */
async function catalogueViews(url: string) {
  const [row] = await sql<{ v: string; pending: number }>(
    url,
    `SELECT (SELECT coalesce(sum("viewCount"), 0) FROM "Publication") AS v, (SELECT count(*)::int FROM "UsageEvent" WHERE "insertedAt" >= (SELECT "foldedThrough" FROM "StatsFold" WHERE id = 1) AND kind = 'view') AS pending`,
  );
  return { v: Number(row!.v), pending: row!.pending };
}

/**
 * Waits until every view recorded so far is folded and at least `atLeast` are,
 * while the fold moves: it gives up after two minutes without progress (a
 * long transaction elsewhere holds folding back, by design) or ten in all.
 * Returns the folded total and the views recorded but not yet folded.
 */
async function foldedViews(url: string, atLeast: number) {
  const started = Date.now();
  let now = await catalogueViews(url);
  let moved = Date.now();
  while ((now.pending > 0 || now.v < atLeast) && Date.now() - moved < 120_000 && Date.now() - started < 600_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const next = await catalogueViews(url);
    if (next.v !== now.v || next.pending !== now.pending) moved = Date.now();
    now = next;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (seconds > 60) log(`Folding the views took ${seconds} s${now.pending > 0 ? `; ${now.pending} still unfolded` : ""}.`);
  return now;
}

/**
 * Views a run's `sent` article requests should have added and did not: neither
 * folded into the totals nor recorded and waiting to be. A run of 2026-12-01
 * printed 16,837 views "lost" after a fixed 60 s wait; every one of them had
 * been recorded and was counted soon after.
 */
async function viewsLost(url: string, before: number, sent: number) {
  const { v, pending } = await foldedViews(url, before + sent);
  return sent - (v - before) - pending;
}

/**
 * A crawler the robots list does not know: one address and one browser reading
 * one paper as fast as it can, for 10 s. Its views count once per 30 s (the
 * double-click filter); what is timed is folding them, which tested every pair
 * of one visitor's events until 2026-12-01 and held every figure back for minutes.
 */
async function crawlerBurst(server: BenchServer, url: string, pagePath: string) {
  const r = await drive(server.url, "crawler burst", pagePath, { connections: CONNECTIONS, seconds: 10 });
  // The last events reach the database a moment after the last response (the writer's batch).
  await new Promise((done) => setTimeout(done, 1000));
  const started = Date.now();
  const { pending } = await foldedViews(url, 0);
  const foldSeconds = pending > 0 ? null : Math.round((Date.now() - started) / 100) / 10;
  log(
    `A crawler's ${r.sent} views of one paper: ${foldSeconds === null ? `${pending} not folded when the wait gave up` : `folded ${foldSeconds} s after its last one`}.`,
  );
  return { views: r.sent, foldSeconds };
}

async function prepare() {
  if (!values["skip-build"] && !values["database-only"]) {
    log("Building the production server (next build, with the ceiling page)...");
    await buildWithCeilingPage();
  }
  if (!values["database-only"]) await buildLauncherBundle();
  const url = benchDatabaseUrl();
  if (values["reuse-database"]) {
    // Indexed means every paper's document in the live table, none queued, and no rebuild under way:
    // a rebuild (the first run's, still going) fills a table of its own and leaves the live one
    // empty until its swap, and searches measured on that would find nothing, quickly.
    const [left] = await sql<{ papers: number; documents: number; queued: number; rebuilding: boolean }>(
      url,
      `SELECT (SELECT count(*)::int FROM "Publication" WHERE id > 1000000) AS papers,
        (SELECT count(*)::int FROM "SearchDocument" WHERE "publicationId" > 1000000) AS documents,
        (SELECT count(*)::int FROM "SearchQueue") AS queued,
        to_regclass('"SearchDocumentRebuild"') IS NOT NULL AS rebuilding`,
    ).catch(() => []);
    if (left?.papers !== SIZE || left.documents !== SIZE || left.queued !== 0 || left.rebuilding)
      throw new Error(
        `--reuse-database: ${BENCH_DB_NAME} does not hold a fully indexed catalogue of ${SIZE} papers; run without it once.`,
      );
    // Migrations written since that run apply to it as they would to a live portal's database.
    await applyMigrations(url);
    // Pages stored by an earlier build are answered by none of this one's instances
    // (server/main.ts, renderedBy), but would count as stored: this build stores its own.
    if (!values["skip-build"] && !values["database-only"]) await sql(url, `DELETE FROM "StoredPage"`);
    log(`Reusing the catalogue of ${SIZE} papers in ${BENCH_DB_NAME}.`);
    return url;
  }
  await sql(BENCH_ADMIN_URL, `DROP DATABASE IF EXISTS "${BENCH_DB_NAME}" WITH (FORCE)`);
  await sql(BENCH_ADMIN_URL, `CREATE DATABASE "${BENCH_DB_NAME}"`);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  await applyMigrations(url);
  await seedDatabase({ databaseUrl: url, storageDir: path.join(WORK, "files") });
  log(`Generating ${SIZE} papers...`);
  const written = progressPrinter(process.stdout);
  await generateCatalogue(url, path.join(WORK, "files"), SIZE, log, (done, total) => written.update(done, total));
  written.end();
  // The generated rows were queued for the search index by its triggers; a search measured
  // before they are indexed would find nothing, quickly. Indexed first, and timed.
  log("Building the search index (npm run search:reindex)...");
  const started = Date.now();
  const reindex = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/search-reindex.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (reindex.status !== 0) throw new Error("search:reindex failed");
  searchIndexSeconds = Math.round((Date.now() - started) / 1000);
  return url;
}

/** What every results file starts with: when, on what, and what was measured. */
function runHeader() {
  return {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    catalogueSize: SIZE,
    /** Instances of the portal sharing the database, behind nginx when more than one. */
    instances: INSTANCES,
  };
}

/** Writes a run's results to bench/results/<date><kind>[-instancesN].json; returns the file. */
function writeResults(kind: string, summary: { date: string }) {
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${summary.date.slice(0, 10)}${kind}${INSTANCES === 1 ? "" : `-instances${INSTANCES}`}.json`;
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}

/** The generated catalogue's searches, and the mixed scenario's requests over it. */
async function readerMix(url: string) {
  const slugs = (await sql<{ slug: string }>(url, `SELECT slug FROM "Series" ORDER BY id`)).map((r) => r.slug);
  const searches = searchPaths(slugs);
  const attachments = new Map(
    (
      await sql<{ p: number; a: number }>(
        url,
        `SELECT "publicationId" AS p, min(id) AS a FROM "Attachment" WHERE "publicationId" > 1000000 GROUP BY 1`,
      )
    ).map((r) => [r.p, r.a]),
  );
  const mixed = (amount: number) =>
    mixedRequests(SIZE, amount, {
      // From the middle of the search list: the one-at-a-time and 20-at-once runs take its two ends.
      searches: searches.slice(Math.floor(searches.length / 2)),
      seriesSlugs: slugs,
      attachmentOf: (paper) => attachments.get(paper)!,
    });
  return { searches, mixed };
}

/** How long the search index took to build; null when an earlier run's catalogue was reused. */
let searchIndexSeconds: number | null = null;
/** How long the server took to store the generated papers' pages in their own languages (0 if an earlier run had). */
let storedPagesSeconds: number | null = null;

async function main() {
  const started = Date.now();
  const url = await prepare();
  if (values["database-only"]) {
    log(`The catalogue is in ${url} (search index built in ${searchIndexSeconds} s).`);
    return;
  }
  const article = 1_000_000 + Math.floor(SIZE / 2) * 2; // an English paper in the middle of the catalogue
  const [att] = await sql<{ id: number }>(url, `SELECT id FROM "Attachment" WHERE "publicationId" = $1`, [article]);
  const env = {
    DATABASE_URL: url,
    AUTH_SECRET: SECRET,
    STORAGE_DIR: path.join(WORK, "files"),
    DATA_DIR: WORK,
    APP_URL: `http://127.0.0.1:${PORT}`,
  };
  const results: ScenarioResult[] = [];
  const measure = measurer(results);

  if (INSTANCES > 1) ensureNginx(log);
  if (SOAK_SECONDS !== null) return soakRun(url, env);
  if (values["search-only"]) return searchRun(url, env);
  if (values["counting-only"]) return countingRun(url, env, `/en/publications/${article}`);
  const counting = await startDeployment(INSTANCES, PORT, { ...env, ...COUNTING });
  const pairs: CountingPair[] = [];
  const windows: CrossoverWindow[] = [];
  let weight: PageWeight | null = null;
  let searched: SearchFigures | null = null;
  let ceilingWeight: PageWeight | null = null;
  const lostViews: Record<string, number> = {};
  let crawler: { views: number; foldSeconds: number | null } | null = null;
  let pairsPeakMb = 0;
  try {
    // With --skip-build the build may be an ordinary one, which has no ceiling page.
    if ((await fetch(`${counting.url}/bench/ceiling`, { headers: BOT })).status !== 200)
      throw new Error("This build has no /bench/ceiling page: run the benchmark without --skip-build.");
    // A portal that has run for a while has every paper's page stored (server/stored-pages.ts); timed.
    log("Waiting for the server to store every paper's page ahead of its readers...");
    storedPagesSeconds = await waitForStoredPages(url, SIZE, log);
    log(`Every paper's page stored in ${storedPagesSeconds} s.`);
    await measure(counting, "static file (ceiling)", "/bench/ceiling.txt");
    await measure(counting, "prerendered page (ceiling)", "/bench/ceiling");

    // Counting's price, before the scenarios that fill this server's heap.
    const price = await countingPrice(url, env, `/en/publications/${article}`);
    pairs.push(...price.pairs);
    windows.push(...price.windows);
    Object.assign(lostViews, price.lostViews);
    pairsPeakMb = price.peakMb;
    results.push(...price.pairs.flatMap((p) => [p.off, p.on]));

    crawler = await crawlerBurst(counting, url, `/en/publications/${article}`);

    // The article as a browser receives it (uncompressed here; pageWeight compresses it itself).
    const page = async (p: string) =>
      (await fetch(`${counting.url}${p}`, { headers: { ...BOT, "accept-encoding": "identity" } })).text();
    weight = pageWeight(await page(`/en/publications/${article}`));
    // The ceiling page's, to show it is as heavy as the article it is the ceiling for.
    ceilingWeight = pageWeight(await page("/bench/ceiling"));

    const { searches, mixed } = await readerMix(url);
    // Readers as a day brings them, each request a new reader, so every article request must
    // become exactly one counted view.
    const readers = async (name: string, requests: ReaderRequest[]) => {
      const before = await catalogueViews(url);
      const r = await measure(counting, name, requests[0]!.path, { requests, distinctVisitors: true });
      const articles = r.sentByKind?.article ?? 0;
      lostViews[name] = await viewsLost(url, before.v, articles);
      return r;
    };
    await readers("articles, Zipf", zipfArticles(SIZE, READER_REQUESTS));
    const cold = await readers("articles, cold (each paper once)", coldArticles(SIZE));
    if (cold.sent > SIZE) log(`Cold articles: ${cold.sent} requests for ${SIZE} papers, so some were not first views.`);
    await readers("mixed (70 % Zipf articles, 15 % listings, 10 % searches, 5 % downloads)", mixed(READER_REQUESTS));

    await measure(counting, "listing page", "/en/publications");
    await measure(counting, "listing, filtered", "/en/publications?series=ifans-perspectives&topic=security&year=2025");
    searched = await measureSearches(measure, counting, searches, url);
    await measure(counting, "download (full)", `/en/publications/${article}/files/${att!.id}`, { headers: BOT });
    await measure(counting, "download (Range)", `/en/publications/${article}/files/${att!.id}`, {
      headers: { ...BOT, range: "bytes=0-1023" },
    });
  } finally {
    await counting.stop();
  }
  const peakMemoryMb = Math.max(counting.peakMemoryMb(), pairsPeakMb);
  const sizes = await databaseFacts(url);
  report(results, {
    weight,
    ceilingWeight,
    peakMemoryMb,
    pairs,
    windows,
    lostViews,
    crawler,
    seconds: Math.round((Date.now() - started) / 1000),
    ...sizes,
    searched,
  });
}

/**
 * --soak: the mixed scenario once at full speed (its rate is the maximum),
 * then for SOAK_SECONDS at half that rate; every view must be counted.
 */
async function soakRun(url: string, env: Record<string, string>) {
  const deployment = await startDeployment(INSTANCES, PORT, { ...env, ...COUNTING });
  try {
    // As in the full run: storing pages ahead, beside the soak, would be part of its memory.
    log("Waiting for the server to store every paper's page ahead of its readers...");
    log(`Every paper's page stored in ${await waitForStoredPages(url, SIZE, log)} s.`);
    const { mixed } = await readerMix(url);
    await warmUp(deployment.url, "/en/publications", BOT);
    log(`mixed, full speed: ${SECONDS} s at ${CONNECTIONS} connections`);
    const full = await drive(deployment.url, "mixed, full speed", "/en/publications", {
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: mixed(READER_REQUESTS),
      distinctVisitors: true,
    });
    const rate = Math.max(1, Math.round(full.requestsPerSecond / 2));
    log(`Soak: ${SOAK_SECONDS} s of the mixed scenario at ${rate} requests/s (half of ${full.requestsPerSecond})`);
    // The full-speed run's views folded first, so the soak's are counted alone.
    const before = (await foldedViews(url, 0)).v;
    const result = await soak(deployment, mixed(Math.ceil(rate * SOAK_SECONDS! * 1.2)), SOAK_SECONDS!, rate);
    const articles = result.run.sentByKind?.article ?? 0;
    const lost = await viewsLost(url, before, articles);
    const summary = {
      ...runHeader(),
      fullSpeed: full,
      soak: { ...result, viewsLost: lost },
    };
    console.log(
      `Soak ${result.seconds} s at ${result.requestsPerSecond} req/s: memory ${result.memoryAfterFirstMinuteMb} MB after the first minute, ${result.memoryAtEndMb} MB at the end (${pct(result.memoryGrowth)}; target ≤ 10 %) · errors ${result.run.errors} · non-2xx ${result.run.non2xx} · views lost ${lost} · p95 ${result.run.p95} ms, p99 ${result.run.p99} ms`,
    );
    console.log(`Results written to ${writeResults("-soak", summary)}.`);
  } finally {
    await deployment.stop();
  }
}

/**
 * --search-only: the searches of the full run (the same query at 50
 * connections, then all different one at a time and 20 at once), the index
 * build time and the database's size, and nothing else.
 */
async function searchRun(url: string, env: Record<string, string>) {
  const started = Date.now();
  const deployment = await startDeployment(INSTANCES, PORT, { ...env, VIEW_COUNTING: "true" });
  const results: ScenarioResult[] = [];
  const measure = measurer(results);
  try {
    const { searches } = await readerMix(url);
    const searched = await measureSearches(measure, deployment, searches, url);
    const sizes = await databaseFacts(url);
    const summary = {
      ...runHeader(),
      searchIndexSeconds,
      ...sizes,
      ...searched,
      totalSeconds: Math.round((Date.now() - started) / 1000),
      results,
    };
    console.table(results.map((r) => ({ ...scenarioColumns(r), "peak MB": r.serverPeakMb })));
    console.log(
      `Search index built in ${searchIndexSeconds ?? "? (reused)"} s · database ${sizes.databaseSizeMb} MB, of which the search tables and their indexes ${sizes.searchIndexSizeMb} MB, the search table's rows ${sizes.searchRowsMb} MB (PostgreSQL ${sizes.postgres.server_version ?? "?"}, shared buffers ${sizes.postgres.shared_buffers ?? "?"}) · all different: p95 ${searched.textQueryP95Ms.allDifferentOneAtATime} ms one at a time (target < 100), ${searched.textQueryP95Ms.allDifferent20AtOnce} ms 20 at once (target < 300)`,
    );
    console.log(searchCpuLine(searched));
    console.log(shownLine(searched));
    console.log(`Results written to ${writeResults(`-size${SIZE}-search`, summary)}.`);
  } finally {
    await deployment.stop();
  }
}

/**
 * Counting's price on the catalogue in `url`: on `article` asked for again and
 * again (the page copy's answer, the cheapest), and on articles spread over the
 * catalogue as a day's readers ask for them; first in pairs of new processes,
 * one counting and one not, side by side (counting.ts), then in a crossover of
 * processes that take turns counting (crossover.ts).
 */
async function countingPrice(url: string, env: Record<string, string>, article: string) {
  const zipf = zipfArticles(SIZE, READER_REQUESTS);
  const common = {
    seconds: SECONDS,
    connections: CONNECTIONS,
    instances: INSTANCES,
    port: PORT,
    env,
    scenarios: [
      { name: "one article", path: article },
      { name: "articles, Zipf", path: zipf[0]!.path, requests: zipf },
    ],
    views: {
      total: async () => (await catalogueViews(url)).v,
      lost: (before: number, sent: number) => viewsLost(url, before, sent),
    },
    log,
  };
  const pairs = await countingPairs({ ...common, pairs: COUNTING_PAIRS });
  const crossover = await countingCrossover({
    ...common,
    seconds: CROSSOVER_WINDOW_SECONDS,
    processes: CROSSOVER_PROCESSES,
    windows: CROSSOVER_WINDOWS,
  });
  return {
    pairs: pairs.pairs,
    windows: crossover.windows,
    lostViews: { ...pairs.lostViews, ...crossover.lostViews },
    peakMb: Math.max(pairs.peakMb, crossover.peakMb),
  };
}

/** --counting-only: counting's price (the full run's pairs and crossover) and nothing else. */
async function countingRun(url: string, env: Record<string, string>, article: string) {
  const started = Date.now();
  // As in the full run, every paper's page is stored first: storing them beside the pairs
  // would be CPU time of both servers that is neither's price.
  const storing = await startDeployment(INSTANCES, PORT, env);
  try {
    log("Waiting for the server to store every paper's page ahead of its readers...");
    log(`Every paper's page stored in ${await waitForStoredPages(url, SIZE, log)} s.`);
  } finally {
    await storing.stop();
  }
  const price = await countingPrice(url, env, article);
  const results = price.pairs.flatMap((p) => [p.off, p.on]);
  const summary = {
    ...runHeader(),
    connections: CONNECTIONS,
    secondsPerScenario: SECONDS,
    lostViews: price.lostViews,
    countingCost: countingCost(price.pairs),
    crossoverCost: crossoverCost(price.windows),
    totalSeconds: Math.round((Date.now() - started) / 1000),
    results,
    crossoverWindows: price.windows,
  };
  console.table(
    results.map((r) => ({ ...scenarioColumns(r), "CPU ms/req": r.cpuMsPerRequest?.toFixed(3), "peak MB": r.serverPeakMb })),
  );
  console.log(`${countingLine(summary.countingCost)} · views lost ${Object.values(price.lostViews).reduce((a, b) => a + b, 0)}`);
  console.log(crossoverLine(summary.crossoverCost));
  console.log(`Results written to ${writeResults(`-size${SIZE}-counting`, summary)}.`);
}

type MeasureOptions = {
  headers?: Record<string, string>;
  distinctVisitors?: boolean;
  paths?: string[];
  requests?: ReaderRequest[];
  connections?: number;
  marker?: string;
  items?: { marker: string; full: number };
  /** Splits the scenario's CPU time per request among the portal, the database and the load generator (cpuShares). */
  cpuShares?: CpuShares;
};
type Measure = (server: BenchServer, name: string, p: string, opts?: MeasureOptions) => Promise<ScenarioResult>;

/** Runs one scenario for SECONDS (after a warm-up) and adds its result, with the server's peak memory so far, to `results`. */
function measurer(results: ScenarioResult[]): Measure {
  return async (server, name, p, opts = {}) => {
    // Warming up on a list of paths would put its first entries in the cache: warm up on the listing instead.
    await warmUp(server.url, opts.paths || opts.requests ? "/en/publications" : p, { ...opts.headers, ...BOT });
    const connections = opts.connections ?? CONNECTIONS;
    log(`${name}: ${SECONDS} s at ${connections} connections`);
    const stop = opts.cpuShares?.start();
    const r = await drive(server.url, name, p, { seconds: SECONDS, ...opts, connections });
    if (stop) r.cpuMsPerRequestBy = stop(r.sent);
    r.serverPeakMb = server.peakMemoryMb();
    results.push(r);
    return r;
  };
}

type CpuReading = NonNullable<ScenarioResult["cpuMsPerRequestBy"]>;
/** Starts reading a scenario's CPU time; what start() returns ends it and gives the time per request. */
type CpuShares = { start(): (requests: number) => CpuReading };

/**
 * Where a scenario's CPU time goes, read before and after it: the portal's
 * processes, the PostgreSQL server of `url` when it runs on this machine, and
 * this process, the load generator. On a machine of two cores the three share
 * them, so a search's cost in all is what bounds how many a second it can
 * answer, and the split says which part to make cheaper.
 */
async function cpuShares(url: string, server: BenchServer): Promise<CpuShares> {
  // The backend's parent is read while the backend lives, on a connection held open for it.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let postmaster: number | null;
  try {
    postmaster = postmasterOf((await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
  } finally {
    await c.end();
  }
  const read = (): CpuReading => {
    const own = process.cpuUsage();
    return {
      portal: server.cpuMs(),
      database: postmaster === null ? null : postgresCpuTime(postmaster),
      loadGenerator: (own.user + own.system) / 1000,
    };
  };
  return {
    start() {
      const before = read();
      return (requests) => {
        const after = read();
        const per = (a: number, b: number) => Math.round(((a - b) / Math.max(1, requests)) * 10) / 10;
        return {
          portal: per(after.portal, before.portal),
          database: after.database === null || before.database === null ? null : per(after.database, before.database),
          loadGenerator: per(after.loadGenerator, before.loadGenerator),
        };
      };
    },
  };
}

type SearchFigures = Awaited<ReturnType<typeof measureSearches>>;

/** A search's CPU time 20 at once, by process, and the rate that bounds on this machine's cores. */
function searchCpuLine({ textQueryCpuMs: { twentyAtOnce: cpu } }: SearchFigures): string {
  if (!cpu) return "CPU a search: not measured.";
  const all = cpu.portal + (cpu.database ?? 0) + cpu.loadGenerator;
  const cores = os.availableParallelism();
  return `CPU a search, 20 at once: portal ${cpu.portal} ms, PostgreSQL ${cpu.database ?? "? (not on this machine)"} ms, load generator ${cpu.loadGenerator} ms; ${Math.round(all * 10) / 10} ms in all, so at most ${Math.round((cores * 1000) / all)} searches a second on ${cores} cores`;
}

/** What the searches' pages showed, 20 at once: the results on a page on average, and the shares of empty and full pages. */
function shownLine({ textQueryItemsShown: { twentyAtOnce: shown } }: SearchFigures): string {
  if (!shown) return "Results a search page showed: not measured.";
  return `Results a search page showed, 20 at once: ${shown.mean} on average (a full page holds ${PAGE_SIZE}); ${pct(shown.none / shown.pages)} of the pages showed none, ${pct(shown.full / shown.pages)} a full page`;
}

/** The search scenarios, of the full run and of --search-only, and the figures the results file keeps of them. */
async function measureSearches(measure: Measure, server: BenchServer, searches: string[], url: string) {
  const same = await measure(server, "listing, text query", "/en/publications?q=diplomacy");
  // The same search over and over is answered from the page cache; these never
  // are. One at a time, so the figure is a search's own time, not a queue's.
  // A search stopped at its time limit answers 200 with a notice: counted apart, as a failure to answer.
  const marker = "data-search-timed-out";
  // What each search's page showed: a page of results costs far more than a page saying nothing
  // was found (their snippets, cards and texts), and the catalogue's size decides how many are full.
  // A result is the list item of components/publication-list.tsx, as e2e/pages/listing-page.ts finds it.
  const items = { marker: 'class="pub-list__item"', full: PAGE_SIZE };
  const shares = await cpuShares(url, server);
  const one = await measure(server, "text queries, all different", searches[0]!, {
    paths: searches,
    connections: 1,
    marker,
    items,
    cpuShares: shares,
  });
  // The same mix, 20 at a time: what readers searching together see. (Different paths from the
  // one-at-a-time run, so its cache cannot answer them: the list read backwards.)
  const concurrent = [...searches].reverse();
  const twenty = await measure(server, "text queries, all different, 20 at once", concurrent[0]!, {
    paths: concurrent,
    connections: 20,
    marker,
    items,
    cpuShares: shares,
  });
  return {
    textQueryP95Ms: { sameQuery: same.p95, allDifferentOneAtATime: one.p95, allDifferent20AtOnce: twenty.p95 },
    /** Searches stopped at their time limit (a 200 asking to narrow the search), one at a time and 20 at once. */
    textQueriesTimedOut: { oneAtATime: one.marked ?? 0, twentyAtOnce: twenty.marked ?? 0 },
    /** CPU time per search, in ms, by process (cpuShares): one at a time and 20 at once. */
    textQueryCpuMs: { oneAtATime: one.cpuMsPerRequestBy, twentyAtOnce: twenty.cpuMsPerRequestBy },
    /** What the searches' pages showed (results on average, pages with none, full pages), one at a time and 20 at once. */
    textQueryItemsShown: { oneAtATime: one.itemsShown, twentyAtOnce: twenty.itemsShown },
  };
}

/**
 * The catalogue database's size and its search tables' (with indexes and TOAST), in MB, the
 * search table's own pages (its rows, the width its body and PDF scans visit), and the server's settings.
 */
async function databaseFacts(url: string) {
  const [size] = await sql<{ db: string; search: string; rows: string }>(
    url,
    `SELECT pg_database_size(current_database()) AS db,
       pg_total_relation_size('"SearchDocument"') + pg_total_relation_size('"SearchScoring"') AS search,
       pg_relation_size('"SearchDocument"') AS rows`,
  );
  const mb = (bytes: string | undefined) => Math.round(Number(bytes ?? 0) / 2 ** 20);
  return {
    databaseSizeMb: mb(size?.db),
    searchIndexSizeMb: mb(size?.search),
    searchRowsMb: mb(size?.rows),
    postgres: await serverSettings(url),
  };
}

/**
 * The database server's version and the settings a reader of a large
 * catalogue's figures asks about first. The server is the machine's, not the
 * bench's, so each run records what it ran on (at 100,000 papers, 128 MB and
 * 6 GB of shared buffers gave the same search figures: README, Performance).
 */
async function serverSettings(url: string) {
  const rows = await sql<{ name: string; setting: string }>(
    url,
    `SELECT name, current_setting(name) AS setting FROM pg_settings
     WHERE name IN ('server_version', 'shared_buffers', 'effective_cache_size', 'work_mem') ORDER BY name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}

/** A scenario's row of the printed table: its rate, latencies and failures. */
function scenarioColumns(r: ScenarioResult) {
  return {
    scenario: r.name,
    "req/s": r.requestsPerSecond,
    conn: r.connections,
    "p50 ms": r.p50,
    "p95 ms": r.p95,
    "p99 ms": r.p99,
    errors: r.errors,
    "non-2xx": r.non2xx,
    "timed out": r.marked ?? "",
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function report(
  results: ScenarioResult[],
  extra: {
    weight: PageWeight | null;
    ceilingWeight: PageWeight | null;
    peakMemoryMb: number;
    pairs: CountingPair[];
    windows: CrossoverWindow[];
    lostViews: Record<string, number>;
    crawler: { views: number; foldSeconds: number | null } | null;
    seconds: number;
    databaseSizeMb: number;
    searchIndexSizeMb: number;
    searchRowsMb: number;
    postgres: Record<string, string>;
    searched: SearchFigures;
  },
) {
  const find = (name: string) => results.find((r) => r.name === name)!;
  const rawCeiling = find("static file (ceiling)");
  const pageCeiling = find("prerendered page (ceiling)");
  const rows = results.map((r) => ({
    ...scenarioColumns(r),
    "× static": (r.requestsPerSecond / rawCeiling.requestsPerSecond).toFixed(2),
    "× prerendered": (r.requestsPerSecond / pageCeiling.requestsPerSecond).toFixed(2),
    "CPU ms/req": r.cpuMsPerRequest === undefined ? "" : r.cpuMsPerRequest.toFixed(2),
    "views lost": extra.lostViews[r.name] ?? "",
    "peak MB": r.serverPeakMb,
  }));
  console.table(rows);
  const summary = {
    ...runHeader(),
    connections: CONNECTIONS,
    secondsPerScenario: SECONDS,
    peakPortalMemoryMb: extra.peakMemoryMb,
    /** The benchmark's article page: HTML, embedded component data, body, gzip (bytes), and HTML per body byte. */
    articlePageWeight: extra.weight && {
      ...extra.weight,
      htmlPerBodyByte: round3(extra.weight.htmlBytes / extra.weight.bodyBytes),
    },
    /** The prerendered ceiling page's HTML and gzip (bytes): it should weigh about what the article does. */
    ceilingPageWeight: extra.ceilingWeight && {
      htmlBytes: extra.ceilingWeight.htmlBytes,
      gzipBytes: extra.ceilingWeight.gzipBytes,
    },
    /** Article requests (each a new reader) that did not become a counted view, by scenario: must all be 0. */
    lostViews: extra.lostViews,
    /** One visitor's burst of views of one paper, and how long after its last view folding had taken them all in. */
    crawlerBurst: extra.crawler,
    /** Counting's price over COUNTING_PAIRS interleaved pairs: share of CPU per request, and of throughput. */
    countingCost: countingCost(extra.pairs),
    /** Counting's price in processes that take turns counting (crossover.ts): what the target is judged by. */
    crossoverCost: crossoverCost(extra.windows),
    searchIndexSeconds,
    storedPagesSeconds,
    databaseSizeMb: extra.databaseSizeMb,
    searchIndexSizeMb: extra.searchIndexSizeMb,
    /** The search table's own pages, without its indexes and TOAST: what a body or PDF scan visits. */
    searchRowsMb: extra.searchRowsMb,
    /** The database server's version and settings the run had (serverSettings). */
    postgres: extra.postgres,
    ...extra.searched,
    totalSeconds: extra.seconds,
    results,
    crossoverWindows: extra.windows,
  };
  console.log(
    `Peak memory of the portal's processes together: ${summary.peakPortalMemoryMb} MB · views lost ${Object.values(extra.lostViews).reduce((a, b) => a + b, 0)} · ${countingLine(summary.countingCost)} · papers' pages stored ahead in ${summary.storedPagesSeconds ?? "?"} s · text query p95: same query ${summary.textQueryP95Ms.sameQuery} ms (50 connections), all different ${summary.textQueryP95Ms.allDifferentOneAtATime} ms (one at a time) · ${summary.totalSeconds} s in all`,
  );
  console.log(crossoverLine(summary.crossoverCost));
  console.log(searchCpuLine(extra.searched));
  console.log(shownLine(extra.searched));
  const w = summary.articlePageWeight;
  if (w)
    console.log(
      `Article page: ${kb(w.htmlBytes)} of HTML (${kb(w.componentDataBytes)} of it component data) for a body of ${kb(w.bodyBytes)} (${w.htmlPerBodyByte} ×), ${kb(w.gzipBytes)} over gzip; the ceiling page ${kb(summary.ceilingPageWeight?.htmlBytes ?? 0)}, ${kb(summary.ceilingPageWeight?.gzipBytes ?? 0)} over gzip`,
    );
  const file = writeResults(SIZE === 10_000 ? "" : `-size${SIZE}`, summary);
  console.log(`Results written to ${file}. Machine: ${summary.machine}`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(`[bench] ${(e as Error).message}`);
    void stopAllServers().finally(() => process.exit(1));
  });
