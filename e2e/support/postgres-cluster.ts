// A PostgreSQL cluster of a test's own, on a free port in a temporary folder,
// that the test may stop and start again as an operator would (pg_ctl), without
// touching the server other specs share. initdb and postgres refuse to run as
// root, so as root (as in CI) they run as the `postgres` user.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../security/support/instance";

const run = promisify(execFile);
const INSTALLS = "/usr/lib/postgresql";
const RUN_AS = "postgres";

/** The newest installed server's bin folder (Debian's layout), or why there is none to use. */
export function postgresBinaries(): { bin: string } | { missing: string } {
  const versions = existsSync(INSTALLS)
    ? readdirSync(INSTALLS)
        .filter((v) => existsSync(path.join(INSTALLS, v, "bin", "pg_ctl")) && existsSync(path.join(INSTALLS, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) return { missing: `no PostgreSQL server binaries (initdb, pg_ctl) under ${INSTALLS}/<version>/bin` };
  const asRoot = process.getuid?.() === 0;
  if (asRoot && !existsSync("/usr/sbin/runuser") && !existsSync("/sbin/runuser"))
    return { missing: `running as root and runuser is missing, so initdb cannot run as ${RUN_AS}` };
  return { bin: path.join(INSTALLS, versions[0]!, "bin") };
}

export type PostgresCluster = {
  /** A database URL on this cluster. */
  url(database: string): string;
  /** The folder the cluster lives in, owned by the cluster's user; removed by destroy(). */
  root: string;
  /** `pg_ctl stop -m fast`: sessions terminated, the port closed. */
  stop(): Promise<void>;
  /** `pg_ctl start -w`: returns once the server accepts connections. */
  start(): Promise<void>;
  createDatabase(name: string): Promise<string>;
  /** Stops the cluster (if running) and removes its folder. */
  destroy(): Promise<void>;
};

export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const asRoot = process.getuid?.() === 0;
  const root = await mkdtemp(path.join(os.tmpdir(), "perspectives-pg-"));
  const dataDir = path.join(root, "cluster");
  const logFile = path.join(root, "postgres.log");
  const port = await freePort();
  const tool = (name: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", RUN_AS, "--", path.join(bin, name), ...args]) : run(path.join(bin, name), args);
  const log = async () => (await readFile(logFile, "utf8").catch(() => "")).slice(-4_000);
  const pgCtl = async (args: string[]) => {
    try {
      await tool("pg_ctl", ["-D", dataDir, "-l", logFile, ...args]);
    } catch (e) {
      throw new Error(`pg_ctl ${args.join(" ")} failed: ${String(e)}\n${await log()}`, { cause: e });
    }
  };
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const cluster: PostgresCluster = {
    root,
    url,
    stop: () => pgCtl(["stop", "-m", "fast", "-w"]),
    start: () => pgCtl(["-o", `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`, "start", "-w", "-t", "60"]),
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async destroy() {
      if (existsSync(path.join(dataDir, "postmaster.pid")))
        await tool("pg_ctl", ["-D", dataDir, "stop", "-m", "immediate", "-w"]).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
  try {
    if (asRoot) {
      const { stdout } = await run("id", ["-u", RUN_AS]);
      const { stdout: gid } = await run("id", ["-g", RUN_AS]);
      await chown(root, Number(stdout.trim()), Number(gid.trim()));
    }
    await tool("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"]);
    await cluster.start();
  } catch (e) {
    await cluster.destroy();
    throw e;
  }
  return cluster;
}
