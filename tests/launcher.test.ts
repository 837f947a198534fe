import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/port";

const LAUNCHER = ["--import", "tsx", "scripts/start.ts"];
const launcherEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "development",
  ...vars,
});

/** Runs `npm start`'s launcher with a given environment and returns what a user sees. */
function launch(vars: Record<string, string>) {
  const started = Date.now();
  const r = spawnSync(process.execPath, LAUNCHER, { env: launcherEnv(vars), encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout, ms: Date.now() - started };
}

/** Starts a command in its own process group; `until` resolves when its output matches. */
function startGroup(command: string, args: string[], vars: Record<string, string>) {
  const child = spawn(command, args, { env: launcherEnv(vars), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiters.filter((w) => w.pattern.test(output))) w.resolve();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const alive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    child,
    output: () => output,
    until: (pattern: RegExp) =>
      new Promise<void>((resolve) => (pattern.test(output) ? resolve() : waiters.push({ pattern, resolve }))),
    alive,
    /** Milliseconds until no process of the group is left (or `max`). */
    async goneWithin(max: number) {
      const started = Date.now();
      while (alive() && Date.now() - started < max) await new Promise((r) => setTimeout(r, 50));
      return Date.now() - started;
    },
    kill: () => alive() && process.kill(-child.pid!, "SIGKILL"),
  };
}

describe("npm start with bad configuration", () => {
  it.each([
    [{ DATABASE_URL: "nonsense" }, /^Invalid configuration: DATABASE_URL must be a postgresql:\/\/ URL$/],
    [{ PORT: "abc" }, /^Invalid configuration: PORT must be a port number$/],
    [{ NODE_ENV: "production" }, /^Invalid configuration: AUTH_SECRET is required in production/],
    [{ DATABASE_WAIT_S: "soon" }, /^Invalid configuration: DATABASE_WAIT_S must be a number of seconds \(0: do not wait\)$/],
  ])("%o stops with one clear line", (vars, message) => {
    const r = launch(vars);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("names the server it cannot reach", () => {
    const r = launch({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere", DATABASE_WAIT_S: "0" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nowhere/);
  });

  it("says so when the port is taken, before starting anything", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const r = launch({ PORT: String(port), DATA_DIR: "/nonexistent/never-created" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `[perspectives] Port ${port} is already in use: stop what runs there, or start with PORT=<another port>.`,
      );
    } finally {
      taken.close();
    }
  });
});

describe("npm start before its database is up (DATABASE_WAIT_S)", () => {
  it("says once that it waits and why, then gives up after DATABASE_WAIT_S with one clear line", async () => {
    const port = await freePort();
    const password = "not-for-logs";
    const r = launch({ DATABASE_URL: `postgresql://postgres:${password}@127.0.0.1:${port}/nowhere`, DATABASE_WAIT_S: "1" });
    const where = `127.0.0.1:${port}/nowhere`;
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.includes("Waiting"))).toEqual([
      `[perspectives] Waiting up to 1 s for PostgreSQL at ${where} (ECONNREFUSED) …`,
    ]);
    expect(r.stderr).toBe(
      `[perspectives] Cannot connect to PostgreSQL at ${where} (waited 1 s: DATABASE_WAIT_S): connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(`${r.stdout}${r.stderr}`).not.toContain(password);
    // It did wait (the rest is starting Node and tsx).
    expect(r.ms).toBeGreaterThanOrEqual(1000);
  });

  it("stops at once, and cleanly, when asked to while it waits", async () => {
    const port = await freePort();
    const launcher = startGroup(process.execPath, LAUNCHER, {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/nowhere`,
      DATABASE_WAIT_S: "120",
    });
    try {
      await launcher.until(/Waiting up to 120 s/);
      const exited = new Promise((r) => launcher.child.once("exit", (code) => r(code)));
      process.kill(launcher.child.pid!, "SIGTERM");
      expect(await exited).toBe(0);
      expect(launcher.output()).not.toContain("Cannot connect");
    } finally {
      launcher.kill();
    }
  });

  it("stops when the process that started it dies without passing a signal on", async () => {
    const port = await freePort();
    // A shell in between that does not exec the launcher, as `sh -c` ran `tsx scripts/start.ts` for npm.
    const shell = startGroup("sh", ["-c", `"${process.execPath}" ${LAUNCHER.join(" ")}; exit 0`], {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/nowhere`,
      DATABASE_WAIT_S: "120",
    });
    try {
      await shell.until(/Waiting up to 120 s/);
      process.kill(shell.child.pid!, "SIGKILL");
      // It checks for its parent every second.
      expect(await shell.goneWithin(6_000)).toBeLessThan(6_000);
      expect(shell.output()).toContain("The process that started this one is gone: stopping.");
    } finally {
      shell.kill();
    }
  });
});
