// A portal started before its database (a container or boot sequence where
// PostgreSQL comes up seconds later) waits for it, says so, and then starts.
// (Giving up after DATABASE_WAIT_S is tested in tests/launcher.test.ts.)
import net from "node:net";
import { expect, test } from "@playwright/test";
import { freePort, gone, healthy, npmStart, scratchDatabase, type NpmStart } from "./support/npm-start";
import { E2E_ADMIN_URL } from "../support/e2e-env";

// The database's delay is the point: the portal must be seen waiting for it this long.
const DATABASE_LATE_MS = 2_000;

/** A port that forwards to the real PostgreSQL server once `open` is called: until then nothing listens there. */
function postgresLater(port: number) {
  const target = new URL(E2E_ADMIN_URL);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => undefined);
      s.once("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  return {
    open: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise((r) => server.close(r));
    },
  };
}

test("npm start waits for a database that comes up 2 s later, says why, and then serves", async () => {
  // Two portal starts' worth of waiting (the launcher's build and the database's): what test.slow() gives.
  test.slow();
  // Arrange: a real database, reachable only through a port that opens DATABASE_LATE_MS after the portal waits.
  const db = await scratchDatabase("perspectives_e2e_wait");
  const dbPort = await freePort();
  const password = `not-for-logs-${Date.now()}`; // the server trusts local connections: any password is accepted
  const url = new URL(db.url);
  url.hostname = "127.0.0.1";
  url.port = String(dbPort);
  url.username = "postgres";
  url.password = password;
  let portal: NpmStart | undefined;
  const database = postgresLater(dbPort);
  try {
    // Act: the database comes up DATABASE_LATE_MS after the portal started waiting for it.
    const started = npmStart(await freePort(), { DATABASE_URL: url.toString(), DATABASE_WAIT_S: "60" });
    portal = started;
    await expect.poll(() => started.output(), { timeout: 60_000 }).toContain("Waiting up to 60 s");
    await new Promise((r) => setTimeout(r, DATABASE_LATE_MS));
    await database.open();
    await healthy(portal);

    // Assert: one line said what it waits for and why, without the password; then it started.
    const lines = portal.output().split("\n");
    const where = `127.0.0.1:${dbPort}/${db.name}`;
    expect(lines.filter((l) => l.includes("Waiting"))).toEqual([
      `[perspectives] Waiting up to 60 s for PostgreSQL at ${where} (ECONNREFUSED) …`,
    ]);
    expect(lines.some((l) => l.startsWith(`[perspectives] PostgreSQL at ${where} answers, after `))).toBe(true);
    expect(portal.output()).not.toContain(password);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from "_prisma_migrations"`))[0]!.n).toBeGreaterThan(0);

    process.kill(portal.pid, "SIGTERM");
    expect(await portal.exited).toEqual({ code: 0, signal: null });
    await gone(portal, 5_000);
    expect(portal.alive()).toBe(false);
  } finally {
    portal?.kill();
    await database.close();
    await db.drop();
  }
});
