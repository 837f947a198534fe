// An instance hears of another's change the moment it is written (LISTEN/NOTIFY),
// and listens again after its connection is lost.
import { afterAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: every file's changes would be heard on a shared one.
const fresh = await createDatabase("perspectives_pages_listen");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { endPools, pool } = await import("@/lib/db");
const { listenForReaderPagesChanges, recordReaderPagesChange } = await import("@/lib/data/reader-pages-changes");

const stops: (() => void)[] = [];
afterAll(async () => {
  for (const stop of stops) stop();
  await endPools();
  await fresh.drop();
});

function listen() {
  const heard = { changes: 0, listening: 0, lost: [] as unknown[] };
  stops.push(
    listenForReaderPagesChanges(
      {
        onChange: () => heard.changes++,
        onListening: () => heard.listening++,
        onLost: (e) => heard.lost.push(e),
      },
      { reconnectMs: 100 },
    ),
  );
  return heard;
}

describe("listening for reader page changes", () => {
  it("hears each change another instance writes, and only then", async () => {
    // Arrange
    const heard = listen();
    await vi.waitFor(() => expect(heard.listening).toBe(1));

    // Act
    await recordReaderPagesChange("instance-a", { kind: "publications", ids: [1] });
    await recordReaderPagesChange("instance-a", { kind: "series" });

    // Assert
    await vi.waitFor(() => expect(heard.changes).toBe(2));
    expect(heard.lost).toEqual([]);
  });

  it("listens again after its connection is cut, and hears changes written after", async () => {
    // Arrange
    const heard = listen();
    await vi.waitFor(() => expect(heard.listening).toBe(1));

    // Act: the database ends every listening connection (a restart, a failover).
    await pool().query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN reader_pages_changes'`);

    // Assert
    await vi.waitFor(() => expect(heard.lost).toHaveLength(1));
    await vi.waitFor(() => expect(heard.listening).toBe(2));
    await recordReaderPagesChange("instance-a", { kind: "site" });
    await vi.waitFor(() => expect(heard.changes).toBe(1));
  });
});
