// The benchmark splits a search's CPU time among the portal, PostgreSQL and
// the load generator (scripts/bench/index.ts: cpuShares). PostgreSQL's share
// is read from /proc: a backend that ends within a run must still count.
import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { cpuTime, postgresCpuTime, postmasterOf } from "@/scripts/bench/processes";

async function connect() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  return { client, pid };
}

async function gone(pid: number) {
  for (let i = 0; i < 200 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 50));
  return !existsSync(`/proc/${pid}`);
}

describe("PostgreSQL's CPU time, read from /proc", () => {
  it("finds the server's postmaster from a backend, and nothing for a process that is not PostgreSQL", async () => {
    const { client, pid } = await connect();
    try {
      const postmaster = postmasterOf(pid);
      expect(postmaster).not.toBeNull();
      expect(postmaster).not.toBe(pid);
    } finally {
      await client.end();
    }
    expect(postmasterOf(process.pid)).toBeNull();
    expect(postmasterOf(2 ** 22 + 1)).toBeNull();
  });

  it("still counts a busy backend's time once its connection has closed", async () => {
    const { client, pid } = await connect();
    const postmaster = postmasterOf(pid)!;
    // Work enough that losing it would show (about a second of CPU here), read while the backend lives.
    await client.query("SELECT count(*) FROM generate_series(1, 20000000)");
    const own = cpuTime(pid);
    const withIt = postgresCpuTime(postmaster);
    expect(own).toBeGreaterThanOrEqual(300);
    await client.end();
    expect(await gone(pid)).toBe(true);
    // Without the ended backends' time (the postmaster's children's) the total would drop by `own`.
    expect(postgresCpuTime(postmaster)).toBeGreaterThanOrEqual(withIt);
  }, 60_000);
});
