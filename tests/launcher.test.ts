import { spawnSync } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";

/** Runs `npm start`'s launcher with a given environment and returns what a user sees. */
function launch(vars: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", ...vars },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout };
}

describe("npm start with bad configuration", () => {
  it.each([
    [{ DATABASE_URL: "nonsense" }, /^Invalid configuration: DATABASE_URL must be a postgresql:\/\/ URL$/],
    [{ PORT: "abc" }, /^Invalid configuration: PORT must be a port number$/],
    [{ NODE_ENV: "production" }, /^Invalid configuration: AUTH_SECRET is required in production/],
  ])("%o stops with one clear line", (vars, message) => {
    const r = launch(vars);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("names the server it cannot reach", () => {
    const r = launch({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" });
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
