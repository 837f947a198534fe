// `npm start` as an operator (or a container) runs it: the real command, in a
// process group of its own so a spec can tell whether any of its processes
// (npm, the launcher, the server) is still alive, against a database of its
// own on the e2e PostgreSQL server.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { E2E_ADMIN_URL, e2eDatabaseUrl } from "../../support/e2e-env";
import { portalEnv } from "../../support/portal-env";

/**
 * GETs a page on a new connection. fetch() would queue some requests of a burst
 * behind busy kept-alive connections and send them when one frees up, which
 * during a stop races with the server closing it: a client's bad luck, not
 * the behaviour under test.
 */
export function readAlone(url: string, userAgent: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { "user-agent": userAgent } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

// A port nothing listens on now: the one helper the e2e specs share.
export { freePort } from "../../security/support/instance";

/** Whether something accepts connections on the port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A fresh, empty database (the launcher migrates it), dropped by `drop`. */
export async function scratchDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: E2E_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = e2eDatabaseUrl(name);
  return {
    name,
    url,
    async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export type NpmStart = {
  /** npm's pid, which is also the process group's id. */
  pid: number;
  port: number;
  origin: string;
  /** Where this portal keeps uploaded files (STORAGE_DIR). */
  storageDir: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether any process of the group is alive. */
  alive: () => boolean;
  /** Kills whatever is left of the group (clean-up after a failed spec). */
  kill: () => void;
};

/** Runs `npm start` with the e2e portal's settings, these overrides, and an own empty DATA_DIR. */
export function npmStart(port: number, settings: Record<string, string>): NpmStart {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "perspectives-npm-start-"));
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: path.resolve(import.meta.dirname, "../../.."),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: portalEnv({
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
      STORAGE_DIR: path.join(dataDir, "files"),
      DEMO_DATA: "false",
      ...settings,
    }),
  });
  let output = "";
  const keep = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const pid = child.pid!;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "EPERM";
    }
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    pid,
    port,
    origin: `http://127.0.0.1:${port}`,
    storageDir: path.join(dataDir, "files"),
    output: () => output,
    exited,
    alive,
    kill: () => {
      if (alive()) process.kill(-pid, "SIGKILL");
    },
  };
}

/** Resolves when the portal answers its health check; fails with its output when it exits first. */
export async function healthy(portal: NpmStart, timeoutMs = 90_000): Promise<void> {
  let exited = false;
  void portal.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`npm start exited before answering:\n${portal.output()}`);
    const ok = await fetch(`${portal.origin}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not answer /api/health within ${timeoutMs / 1000} s:\n${portal.output()}`);
}

/** Resolves when no process of the group is left, or after `timeoutMs` (then `alive()` says so). */
export async function gone(portal: NpmStart, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (portal.alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
