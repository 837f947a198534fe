import "server-only";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { watchedPool } from "@/lib/db-watch";
import { isPglite, statementNames, type StatementNames } from "@/lib/db-prepared";

// One pool and one client per process; dev hot reloads would otherwise open more each time.
const globalForDb = globalThis as unknown as {
  pgPool?: pg.Pool;
  prisma?: PrismaClient;
  searchPool?: pg.Pool;
  searchPrisma?: PrismaClient;
};

/** How long one catalogue search may run before it is stopped and the reader asked to narrow it. */
export const SEARCH_STATEMENT_TIMEOUT_MS = 3_000;
/** Catalogue searches one instance runs at once (searchPool). */
const SEARCH_CONNECTIONS = 3;
/** How long an idle search connection is kept (searchPool). */
const SEARCH_IDLE_MS = 10 * 60_000;

type PoolKeep = Pick<pg.PoolConfig, "idleTimeoutMillis" | "keepAlive" | "keepAliveInitialDelayMillis" | "allowExitOnIdle">;

function newPool(
  max: number,
  settings: string[],
  keep: PoolKeep = {},
  /** Asked of each new connection once its settings are made. */
  connected?: (connection: pg.ClientBase) => Promise<void>,
): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start` or `npm run dev`, which provide one.");
  return watchedPool({
    connectionString: url,
    max,
    ...keep,
    // The pool awaits this before handing the connection out (its typings say void; pg-pool awaits a promise).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: async (connection: pg.ClientBase) => {
      for (const setting of settings) await connection.query(setting);
      await connected?.(connection);
    },
  });
}

// PostgreSQL's JIT compiler suits long analytical queries; on a page's
// queries its compile time (up to half a second when a plan's cost is
// overestimated) is pure loss.
const PAGE_SETTINGS = ["SET jit = off"];

/**
 * Shapes of the pages' own statements kept prepared on each connection of the
 * process's pool: what a page asks is a few dozen statements (a paper's row,
 * a page of results' rows and texts, a stored page), each parsed and planned
 * anew every time otherwise. Bounded as the search pool's are (lib/db-prepared.ts);
 * these are small, some kilobytes of a connection's memory each.
 */
const MAX_NAMED_PAGE_STATEMENTS = 64;

/** The names the process's pool keeps its statements prepared under (pool, db, namedQuery). */
const pageStatements = statementNames("page", MAX_NAMED_PAGE_STATEMENTS);

/** Lets a pool's statements be kept prepared unless the server is PGlite or the operator turned them off. */
function allowPrepared(names: StatementNames) {
  return async (connection: pg.ClientBase) => {
    const { rows } = await connection.query<{ v: string }>("SELECT version() AS v");
    names.allow(env().DATABASE_PREPARED_STATEMENTS && !isPglite(rows[0]?.v ?? ""));
  };
}

/** The process's PostgreSQL pool, shared by Prisma and the few libraries that speak SQL themselves. */
export function pool(): pg.Pool {
  globalForDb.pgPool ??= newPool(10, PAGE_SETTINGS, {}, allowPrepared(pageStatements));
  return globalForDb.pgPool;
}

/**
 * A statement for pool().query, kept prepared on its connection once it comes
 * back (pageStatements): for statements whose text is fixed, their values
 * parameters. A statement written anew for each call (values in its text)
 * would only fill the names up.
 */
export function namedQuery(text: string, values: unknown[] = []): pg.QueryConfig {
  return { name: pageStatements.nameFor(text) || undefined, text, values };
}

/** How the search pool's connections plan and run (see searchPool), apart from its time limit: also what `npm run bench:plans` profiles with. */
export const SEARCH_SETTINGS: readonly string[] = [
  ...PAGE_SETTINGS,
  "SET enable_seqscan = off",
  "SET work_mem = '32MB'",
  "SET max_parallel_workers_per_gather = 0",
  "SET plan_cache_mode = force_generic_plan",
];

/**
 * The pool catalogue searches run on (lib/data/publications.ts), set up for them:
 * - The planner prices a scan that tests every paper's search vectors (read
 *   from TOAST) far below its cost and picks it over the GIN indexes once a
 *   word is common: 2 s against 0.2 s for a word in half of 100,000 papers.
 * - A common word's tens of thousands of matches are sorted and hashed in memory.
 * - No parallel workers: with many papers queued for indexing the planner
 *   ran a search's queued papers on two (30 ms to start them, for no row),
 *   and with readers searching at once a worker takes a core another
 *   search needs.
 * - A search that still runs too long is stopped, and the reader asked to narrow it.
 * - At most a few at once: on a small machine, twenty searches sharing the CPU
 *   all finish late, while the same twenty in a short queue mostly finish early.
 * - Its connections are kept while idle for SEARCH_IDLE_MS, not pg's 10 s,
 *   since a portal's readers search seconds or minutes apart: a search run as
 *   a new connection's first statement took several times as long (100,000
 *   papers, the benchmark's first 100 searches: p50 267-271 ms against 64-78
 *   on a connection that had searched before). Where PostgreSQL spends that
 *   is not pinned down (not on the table's pages: another part's index
 *   scanned over the same pages first did not help; searches for other words
 *   did). Bounded all the same, and probed by TCP keepalives while idle (the
 *   first after a minute), which keep a firewall or load balancer that drops
 *   quiet connections from dropping them. Idle, they do not keep a script
 *   from exiting.
 * - Its statements are kept prepared on each connection, by shape
 *   (lib/db-prepared.ts), except on the embedded database or when
 *   DATABASE_PREPARED_STATEMENTS is false, and planned once, for any words
 *   and filters (a generic plan). PostgreSQL's default would plan each
 *   statement anew for its first five runs on each connection, then mostly
 *   keep the generic plan (every shape the benchmark asks at 10,000 papers;
 *   at 100,000 one shape went back and forth, and forced generic plans were
 *   no slower there: README Performance). Planning is about a third of a
 *   search's time in the statement at 10,000 papers, and with three
 *   connections a dozen shapes take 180 searches to settle (after each
 *   start, and after each idle spell that closed a connection). An unnamed
 *   statement is still planned for its values.
 */
export function searchPool(): pg.Pool {
  globalForDb.searchPool ??= newPool(
    SEARCH_CONNECTIONS,
    [...SEARCH_SETTINGS, `SET statement_timeout = ${SEARCH_STATEMENT_TIMEOUT_MS}`],
    { idleTimeoutMillis: SEARCH_IDLE_MS, keepAlive: true, keepAliveInitialDelayMillis: 60_000, allowExitOnIdle: true },
    allowPrepared(searchStatements),
  );
  return globalForDb.searchPool;
}

// The adapter's options (its type is not exported).
type PrismaPgOptions = NonNullable<ConstructorParameters<typeof PrismaPg>[1]>;

/** The names the search pool's statements are prepared under (lib/db-prepared.ts). */
const searchStatements = statementNames("search");

/** Created on first use, so importing a page (as `next build` does) needs no database. */
function lazyClient(key: "prisma" | "searchPrisma", connections: () => pg.Pool, options: PrismaPgOptions = {}): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get: (_target, prop) => {
      globalForDb[key] ??= new PrismaClient({ adapter: new PrismaPg(connections(), options) });
      return Reflect.get(globalForDb[key], prop) as unknown;
    },
  });
}

export const db: PrismaClient = lazyClient("prisma", pool, {
  statementNameGenerator: (query) => pageStatements.nameFor(query.sql),
});
/** For catalogue searches only: see searchPool. */
export const searchDb: PrismaClient = lazyClient("searchPrisma", searchPool, {
  statementNameGenerator: (query) => searchStatements.nameFor(query.sql),
});

/** Closes every pool this process opened (a test about to drop its database). */
export async function endPools(): Promise<void> {
  const pools = [globalForDb.pgPool, globalForDb.searchPool];
  globalForDb.pgPool = globalForDb.searchPool = globalForDb.prisma = globalForDb.searchPrisma = undefined;
  await Promise.all(pools.flatMap((p) => (p ? [p.end()] : [])));
}
