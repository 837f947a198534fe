// The scheduled fold runs once per interval however many instances tick: each
// instance's timer asks, and the time of the last run in the database answers.
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: StatsFold is one row, and other files fold all the time.
const fresh = await createDatabase("perspectives_fold_schedule");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { endPools, pool } = await import("@/lib/db");
const { foldUsageEventsIfDue } = await import("@/lib/data/usage-fold");

afterAll(async () => {
  await endPools();
  await fresh.drop();
});

async function runs() {
  const { rows } = await pool().query<{ runs: string }>(`SELECT runs::text FROM "StatsFold" WHERE id = 1`);
  return Number(rows[0]?.runs ?? 0);
}

describe("the scheduled fold", () => {
  it("runs once for many instances asking within one interval, and again once the interval has passed", async () => {
    // Six instances' timers fire at once, then again a moment later.
    const first = await Promise.all(Array.from({ length: 6 }, () => foldUsageEventsIfDue(5)));
    const again = await foldUsageEventsIfDue(5);
    expect(first.filter((n) => n !== null)).toHaveLength(1);
    expect(again).toBeNull();
    expect(await runs()).toBe(1);

    // The interval passes (the last run moved back rather than waiting for it).
    await pool().query(`UPDATE "StatsFold" SET "ranAt" = "ranAt" - interval '5 seconds' WHERE id = 1`);
    expect(await foldUsageEventsIfDue(5)).not.toBeNull();
    expect(await runs()).toBe(2);
  });
});
