// Where the benchmarks keep their databases: `npm run bench` builds its
// catalogue there and `npm run bench:plans` reads it; the import and alert
// benchmarks make databases of their own on the same server.

/** Where the benchmark creates its databases: the machine's server, unless BENCH_DATABASE_URL says another. */
export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** The catalogue's database, on that server. */
export const BENCH_DB_NAME = "perspectives_bench";

/** A database's URL on the benchmarks' server (the catalogue's by default). */
export function benchDatabaseUrl(name = BENCH_DB_NAME): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
