import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { nodeScriptArgs } from "@/scripts/lib/node-script";
import { prepareDatabase } from "@/scripts/lib/prepare-database";
import { killAfter, runCommand, supportScriptArgs } from "./support/run-command";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** TCP ports this process listens on (Linux: its socket fds, looked up in /proc/net/tcp*). */
function listeningTcpPorts(): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`))?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // closed in the meantime
    }
  }
  const ports: number[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").trim().split("\n").slice(1)) {
      const [, local = "", , state, , , , , , inode = ""] = line.trim().split(/\s+/);
      if (state === "0A" && inodes.has(inode)) ports.push(Number.parseInt(local.split(":").at(-1) ?? "", 16));
    }
  }
  return ports.sort();
}

/** Tries `select 1` through the URL from another process, as the given user; says what happened. */
async function connectAs(uid: number, url: string): Promise<string> {
  const script = `
    const pg = require(${JSON.stringify(createRequire(import.meta.url).resolve("pg"))});
    const client = new pg.Client({ connectionString: process.env.URL, connectionTimeoutMillis: 5000 });
    client.connect().then(() => client.query("select 1")).then(
      () => { console.log("connected"); return client.end(); },
      (e) => console.log(e.code ?? e.message),
    );`;
  // Not spawnSync: this process serves the database, and must go on answering.
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-e", script],
      { uid, gid: uid, env: { NODE_ENV: "test", URL: url }, timeout: 20_000 },
      (error, stdout, stderr) => resolve(stdout.trim() || stderr.trim() || (error?.message ?? "")),
    );
  });
}

// Each test starts PGlite (and most migrate it), several seconds of CPU apiece: bounded for a slow machine.
describe("embedded PostgreSQL (PGlite)", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "perspectives-pglite-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("migrates on first start and keeps committed data across a restart", async () => {
    const first = await startEmbeddedPostgres(dir);
    try {
      await prepareDatabase(first.url, { storageDir: path.join(dir, "files"), demoData: false, log: () => undefined });
      await query(
        first.url,
        `insert into "Series" ("slug","nameKo","nameEn","reportPrefix","updatedAt") values ('kept','유지','Kept','KEPT',now())`,
      );
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres(dir);
    try {
      await prepareDatabase(second.url, { storageDir: path.join(dir, "files"), demoData: false, log: () => undefined });
      const rows = await query<{ slug: string }>(second.url, `select slug from "Series"`);
      expect(rows.map((r) => r.slug)).toEqual(["kept"]);
    } finally {
      await second.stop();
    }
  });

  it("answers several connections' queries at once, each its own result, transactions among them", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-pglite-"));
    const embedded = await startEmbeddedPostgres(dataDir);
    // The clients live in another process, as the app's server does: their messages then arrive
    // while PGlite runs another connection's, which is when the library interleaved them.
    const script = `
      const pg = require(${JSON.stringify(createRequire(import.meta.url).resolve("pg"))});
      const pool = new pg.Pool({ connectionString: process.env.URL, max: 6 });
      const one = async (i) => {
        const extra = i % 3;
        if (i % 4 === 3) {
          // A transaction: BEGIN and COMMIT are queries without parameters, which drop the unnamed statement.
          const c = await pool.connect();
          try {
            await c.query("BEGIN");
            const r = await c.query("SELECT $1::int + 1 AS n", [i]);
            await c.query("COMMIT");
            return r.rows[0].n - 1;
          } finally { c.release(); }
        }
        const more = Array.from({ length: extra }, (_, k) => " + $" + (3 + k) + "::int").join("");
        const params = [i, 2000, ...Array.from({ length: extra }, () => 0)];
        const r = await pool.query("SELECT $1::int" + more + " AS n FROM generate_series(1, $2::int) g HAVING count(*) > 0", params);
        return r.rows[0].n;
      };
      Promise.all(Array.from({ length: 200 }, (_, i) => one(i))).then(
        (ns) => { console.log(JSON.stringify(ns)); return pool.end(); },
        (e) => { console.log("error: " + e.message); return pool.end(); },
      );`;
    try {
      const out = await new Promise<string>((resolve) => {
        execFile(
          process.execPath,
          ["-e", script],
          { env: { NODE_ENV: "test", URL: embedded.url }, timeout: 60_000 },
          (error, stdout, stderr) => resolve(stdout.trim() || stderr.trim() || (error?.message ?? "")),
        );
      });
      expect(out).toBe(JSON.stringify(Array.from({ length: 200 }, (_, i) => i)));
    } finally {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("lets only its own user connect: no TCP port, a socket only the owner may use", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-pglite-"));
    chmodSync(dataDir, 0o755); // a data folder others may look into: the socket must still be closed to them
    mkdirSync(path.join(dataDir, "run"), { mode: 0o755 }); // and a socket folder left open by an earlier version
    const portsBefore = listeningTcpPorts();
    const embedded = await startEmbeddedPostgres(dataDir);
    try {
      expect(listeningTcpPorts()).toEqual(portsBefore);
      expect(path.dirname(embedded.socket)).toBe(path.join(dataDir, "run"));
      expect(statSync(embedded.socket).isSocket()).toBe(true);
      expect(statSync(embedded.socket).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(embedded.socket)).mode & 0o777).toBe(0o700);

      expect(await query<{ one: number }>(embedded.url, "select 1 as one")).toEqual([{ one: 1 }]);
      if (process.getuid?.() === 0) {
        // The same connection from another process: as this user it works, as another local user it is refused.
        expect(await connectAs(0, embedded.url)).toBe("connected");
        expect(await connectAs(65534, embedded.url)).toBe("EACCES");
      }
    } finally {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("rebuilds the search index with `npm run search:reindex` from another process, the portal's indexes in place", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-pglite-"));
    const embedded = await startEmbeddedPostgres(dataDir);
    const shape = `SELECT string_agg(i.relname || ' ' || coalesce(array_to_string(i.reloptions, ','), ''), '; ' ORDER BY i.relname) AS s
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = '"SearchDocument"'::regclass`;
    try {
      await prepareDatabase(embedded.url, { storageDir: path.join(dataDir, "files"), demoData: false, log: () => undefined });
      // Papers queued by their triggers; no portal runs here to index them: the rebuild does.
      await query(
        embedded.url,
        `with s as (insert into "Series" ("slug","nameKo","nameEn","reportPrefix","updatedAt")
           values ('s','총서','Series','S',now()) returning id)
         insert into "Publication" ("seriesId","reportNumber","language","title","body","status","publishedAt","updatedAt")
         select s.id, 'n' || g, 'en', 'Harbour report ' || g, 'The breakwater held ' || g, 'published', now() - interval '1 day', now()
         from s, generate_series(1, 120) g`,
      );
      const before = await query<{ s: string }>(embedded.url, shape);
      const papers = { n: 120 };
      const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          nodeScriptArgs("search:reindex"),
          { env: { ...process.env, NODE_ENV: "test", DATABASE_URL: embedded.url }, timeout: 120_000 },
          (error, stdout, stderr) => resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr }),
        );
      });
      expect(out.stderr).not.toContain("Error");
      expect(out.code).toBe(0);
      expect(out.stdout).toMatch(new RegExp(`^Indexed ${papers.n} papers in [\\d.]+ s`));
      expect(
        await query(
          embedded.url,
          `select (select count(*)::int from "SearchDocument") as documents,
          (select count(*)::int from "SearchScoring") as scored,
          (select count(*)::int from "SearchQueue") as queued`,
        ),
      ).toEqual([{ documents: papers.n, scored: papers.n, queued: 0 }]);
      expect(await query<{ s: string }>(embedded.url, shape)).toEqual(before);
      // The same search again, on several connections at once: statements stay unnamed here, where
      // every connection shares one session and a name prepared twice would be an error (lib/db-prepared.ts).
      const searched = await runCommand(
        process.execPath,
        supportScriptArgs("search-repeatedly.ts", "breakwater"),
        { ...process.env, NODE_ENV: "test", DATABASE_URL: embedded.url },
        killAfter(60_000),
      );
      expect(searched.stderr).not.toContain("Error");
      expect(searched.code).toBe(0);
      expect(searched.stdout.trim().split("\n").slice(-3)).toEqual([
        "page statements prepared 0",
        JSON.stringify([papers.n, papers.n, papers.n, papers.n]),
        "prepared 0",
      ]);
    } finally {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses a second process on the same data directory while the first lives", async () => {
    const lockDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-lock-"));
    const lockFile = path.join(lockDir, "pglite.lock");
    const { spawn } = await import("node:child_process");
    // A live process other than this one holds the lock.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(lockFile, String(holder.pid));
    try {
      expect(() => acquireLock(lockFile)).toThrow(/is in use by another Perspectives process \(pid \d+\)/);
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.once("exit", r));
    // Once that process is gone, its stale lock is taken over.
    const release = acquireLock(lockFile);
    release();
    await rm(lockDir, { recursive: true, force: true });
  });
});
