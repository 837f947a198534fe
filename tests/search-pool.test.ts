// Searches run on a pool of their own (searchPool in lib/db.ts) whose
// connections stay open while idle: at 100,000 papers a search run as a new
// connection's first statement took several times as long. Kept open, they
// must still let a script exit.
import { afterAll, describe, expect, it } from "vitest";
import { endPools, searchDb } from "@/lib/db";
import { killAfter, runCommand, supportScriptArgs } from "./support/run-command";

/** pg's own default: an idle connection is closed after this long. */
const PG_IDLE_TIMEOUT_MS = 10_000;

afterAll(() => endPools());

const backend = async () => (await searchDb.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;

describe("the search pool", () => {
  it("keeps its connection while idle past pg's default limit", async () => {
    const first = await backend();
    await new Promise((resolve) => setTimeout(resolve, PG_IDLE_TIMEOUT_MS + 1_500));
    expect(await backend()).toBe(first);
  }, 60_000);

  it("lets a script that searched exit without ending the pool", async () => {
    const { code, stdout } = await runCommand(
      process.execPath,
      supportScriptArgs("search-and-exit.ts"),
      process.env,
      killAfter(45_000),
    );
    expect(stdout).toContain("searched 1");
    // Killed at the timeout instead, its exit code is null.
    expect(code).toBe(0);
  }, 60_000);
});
