// A database that cannot be reached is a passing fault: recognised as such in
// every form it takes (pg, Prisma and its driver adapter; refused, cut, shut
// down), flagged by the data layer the moment a connection fails and cleared
// when one succeeds, answered 503 + Retry-After by the server instead of 500,
// and logged once, not once per request. The database is cut by a TCP proxy in
// front of the real server (tests/support/tcp-proxy.ts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { databaseUnavailableSince, noteDatabaseError, noteDatabaseReachable, reachabilityMark } from "@/lib/db-outage";
import { watchedPool } from "@/lib/db-watch";
import { attachServer } from "@/lib/edge/bridge";
import { freePort } from "@/scripts/lib/port";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { limitDatabaseErrorLogs, OutageAwareResponse } from "@/server/database-outage";
import { databaseAddress, startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const realUrl = process.env.DATABASE_URL!;
let proxy: TcpProxy;
/** Proxies a test starts for itself, closed at the end. */
const gates: TcpProxy[] = [];
const pools: pg.Pool[] = [];
const prismas: PrismaClient[] = [];

beforeAll(async () => {
  proxy = await startTcpProxy(databaseAddress(realUrl));
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await proxy.restore();
});
afterAll(async () => {
  await Promise.all(prismas.map((p) => p.$disconnect().catch(() => undefined)));
  await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  await Promise.all([proxy, ...gates].map((p) => p.close()));
});

function poolAt(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined);
  pools.push(pool);
  return pool;
}

function prismaAt(pool: pg.Pool) {
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  prismas.push(prisma);
  return prisma;
}

/** A port nothing listens on. */
async function closedPortUrl() {
  const url = new URL(realUrl);
  url.host = `127.0.0.1:${await freePort()}`;
  return url.toString();
}

const failure = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error("expected the query to fail");
};

describe("isDatabaseUnavailable", () => {
  it("recognises a database nobody listens for, through pg and through Prisma", async () => {
    const pool = poolAt(await closedPortUrl());
    const prisma = prismaAt(pool);
    expect(isDatabaseUnavailable(await failure(() => pool.query("SELECT 1")))).toBe(true);
    expect(isDatabaseUnavailable(await failure(() => prisma.publication.findFirst()))).toBe(true);
    expect(isDatabaseUnavailable(await failure(() => prisma.$queryRaw`SELECT 1`))).toBe(true);
    expect(isDatabaseUnavailable(await failure(() => prisma.$transaction((tx) => tx.publication.findFirst())))).toBe(true);
  });

  it("recognises a connection cut in the middle of a query", async () => {
    const pool = poolAt(proxy.url(realUrl));
    const prisma = prismaAt(poolAt(proxy.url(realUrl)));
    const pgQuery = failure(() => pool.query("SELECT pg_sleep(5)"));
    const prismaQuery = failure(() => prisma.$queryRaw`SELECT pg_sleep(5)`);
    await new Promise((r) => setTimeout(r, 300));
    await proxy.cut();
    expect(isDatabaseUnavailable(await pgQuery)).toBe(true);
    expect(isDatabaseUnavailable(await prismaQuery)).toBe(true);
  });

  it("recognises the server shutting a connection down (administrator command, as a stopping server does)", async () => {
    const pool = poolAt(realUrl);
    const prisma = prismaAt(poolAt(realUrl));
    const admin = poolAt(realUrl);
    const pgQuery = failure(() => pool.query("SELECT pg_sleep(5), 'outage-test-pg'"));
    const prismaQuery = failure(() => prisma.$queryRaw`SELECT pg_sleep(5), 'outage-test-prisma'`);
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%outage-test-%' AND pid <> pg_backend_pid()`,
    );
    const [pgError, prismaError] = [await pgQuery, await prismaQuery];
    expect(pgError).toMatchObject({ code: "57P01" });
    expect(isDatabaseUnavailable(pgError)).toBe(true);
    expect(isDatabaseUnavailable(prismaError)).toBe(true);
  });

  it("does not take a faulty query, a constraint or a bad value for an outage", async () => {
    const pool = poolAt(realUrl);
    const prisma = prismaAt(pool);
    expect(isDatabaseUnavailable(await failure(() => pool.query("SELEC 1")))).toBe(false);
    expect(isDatabaseUnavailable(await failure(() => pool.query("SELECT '9999999999'::int")))).toBe(false);
    expect(isDatabaseUnavailable(await failure(() => prisma.$queryRaw`SELECT 1/0`))).toBe(false);
    expect(
      isDatabaseUnavailable(await failure(() => prisma.publication.update({ where: { id: -1 }, data: { title: "x" } }))),
    ).toBe(false);
    for (const other of [new Error("boom"), null, undefined, "ECONNREFUSED", { code: 42 }]) {
      expect(isDatabaseUnavailable(other)).toBe(false);
    }
  });
});

/**
 * Two watched pools of one connection each, the console's lines caught: `late`
 * through a proxy of its own (`gate`) that can hold a connection on its way,
 * and `cutOff` through the one the tests cut. `cutOff` is created last, so it
 * is the pool the outage probes with.
 */
async function lateAndCutOff() {
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
  const gate = await startTcpProxy(databaseAddress(realUrl));
  gates.push(gate);
  const late = watchedPool({ connectionString: gate.url(realUrl), max: 1 });
  const cutOff = watchedPool({ connectionString: proxy.url(realUrl), max: 1 });
  pools.push(late, cutOff);
  return { errors, logs, gate, late, cutOff };
}

describe("the data layer's outage flag", () => {
  it("is set the moment a connection fails and cleared when one succeeds, with one line each", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const pool = watchedPool({ connectionString: proxy.url(realUrl), max: 2 });
    pools.push(pool);
    await pool.query("SELECT 1");
    expect(databaseUnavailableSince()).toBeNull();

    await proxy.cut();
    for (let i = 0; i < 5; i++) await failure(() => pool.query("SELECT 1"));
    expect(databaseUnavailableSince()).not.toBeNull();

    await proxy.restore();
    await pool.query("SELECT 1");
    expect(databaseUnavailableSince()).toBeNull();
    await pool.end();
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\[db\] database unreachable: /)]);
    expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\[db\] database reachable again after /)]);
  });

  it("is not ended by a connection begun before the outage that a stopping server finished after it", async () => {
    // A stopping server cuts its open connections, then may still finish one it
    // had begun: that success says nothing of the database now. Ending the
    // outage on it logged the same outage twice.
    const { errors, logs, gate, late, cutOff } = await lateAndCutOff();
    gate.hold();
    const lateQuery = late.query("SELECT 1");
    await vi.waitFor(() => expect(gate.held()).toBe(1));

    await proxy.cut();
    await failure(() => cutOff.query("SELECT 1"));
    expect(databaseUnavailableSince()).not.toBeNull();
    gate.release();
    await lateQuery;
    expect(databaseUnavailableSince()).not.toBeNull();

    await proxy.restore();
    await cutOff.query("SELECT 1");
    expect(databaseUnavailableSince()).toBeNull();
    await Promise.all([late.end(), cutOff.end()]);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\[db\] database unreachable: /)]);
    expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\[db\] database reachable again after /)]);
  });

  it("is not begun again by a connection begun during the outage that fails after it ended", async () => {
    // A database starting up refuses the connections it was given before it
    // was ready ("starting up") while later ones get through: a refusal that
    // arrives after the outage has ended is older news and must not open a
    // second outage (e2e/database-outage.spec.ts saw two lines for one restart).
    const { errors, logs, gate, late, cutOff } = await lateAndCutOff();

    await proxy.cut();
    await failure(() => cutOff.query("SELECT 1"));
    expect(databaseUnavailableSince()).not.toBeNull();
    gate.hold();
    const lateQuery = failure(() => late.query("SELECT 1"));
    await vi.waitFor(() => expect(gate.held()).toBe(1));

    await proxy.restore();
    await cutOff.query("SELECT 1");
    expect(databaseUnavailableSince()).toBeNull();
    await gate.cut();
    const refused = await lateQuery;
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(databaseUnavailableSince()).toBeNull();
    // The job that asked hears of the refusal too, and notes it without a mark, as the stats
    // writer and the search indexer do: still the same outage's news, not a second outage.
    expect(noteDatabaseError(refused)).toBe(true);
    expect(databaseUnavailableSince()).toBeNull();

    // A connection begun after the outage ended that fails is a new outage.
    await failure(() => late.query("SELECT 1"));
    expect(databaseUnavailableSince()).not.toBeNull();
    // Ended by a new connection (cutOff's stays open and proves nothing new).
    const again = watchedPool({ connectionString: proxy.url(realUrl), max: 1 });
    pools.push(again);
    await again.query("SELECT 1");
    expect(databaseUnavailableSince()).toBeNull();
    await Promise.all([late.end(), cutOff.end(), again.end()]);
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[db\] database unreachable: /),
      expect.stringMatching(/^\[db\] database unreachable: /),
    ]);
    expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[db\] database reachable again after /),
      expect.stringMatching(/^\[db\] database reachable again after /),
    ]);
  });

  it("notices the return of a database nobody asks, by itself", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const pool = watchedPool({ connectionString: proxy.url(realUrl), max: 2 });
    pools.push(pool);
    await proxy.cut();
    await failure(() => pool.query("SELECT 1"));
    expect(databaseUnavailableSince()).not.toBeNull();
    await proxy.restore();
    await vi.waitFor(() => expect(databaseUnavailableSince()).toBeNull(), { timeout: 3000 });
    await pool.end();
  });
});

describe("the server's answer while the database is unreachable", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // The portal's server (server/main.ts) with its responses; a handler failing as Next.js does, or succeeding.
    server = createServer({ ServerResponse: OutageAwareResponse }, (req, res) => {
      if (req.url === "/ok") return void res.end("ok");
      if (req.url === "/explicit")
        return void res.writeHead(500, "Internal Server Error", { "content-type": "text/html" }).end("x");
      res.statusCode = 500;
      res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
      res.end("Internal Server Error");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const answer = async (path: string) => {
    const r = await fetch(base + path);
    return { status: r.status, retryAfter: r.headers.get("retry-after"), cacheControl: r.headers.get("cache-control") };
  };

  it("turns a failure into 503 with Retry-After while the database is away, and leaves other answers alone", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(databaseUnavailableSince()).toBeNull();
    // Clear of the few seconds after an earlier test's outage, when a 500 is still taken for its echo.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 6_000);
    expect(await answer("/fail")).toMatchObject({ status: 500, retryAfter: null });
    noteDatabaseError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    expect(await answer("/fail")).toEqual({ status: 503, retryAfter: "60", cacheControl: "no-store" });
    expect(await answer("/explicit")).toEqual({ status: 503, retryAfter: "60", cacheControl: "no-store" });
    expect(await answer("/ok")).toMatchObject({ status: 200, retryAfter: null });
    noteDatabaseReachable(reachabilityMark());
    // A request that failed on the database just before it came back is answered just after: still 503.
    expect(await answer("/fail")).toMatchObject({ status: 503, retryAfter: "60" });
    vi.setSystemTime(Date.now() + 6_000);
    expect(await answer("/fail")).toMatchObject({ status: 500, retryAfter: null });
    vi.useRealTimers();
  });

  it("logs one line for an outage, not a stack per failed request", async () => {
    // As in the portal's server, which answers 503 meanwhile (for the rest of this file; a script's line
    // does not speak of 503s: tests/operator-scripts.test.ts).
    attachServer({ forgetPage: () => undefined, forgetCatalogue: () => undefined });
    const write = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const restore = limitDatabaseErrorLogs();
    try {
      const prisma = prismaAt(poolAt(await closedPortUrl()));
      const mark = reachabilityMark();
      const first = await failure(() => prisma.publication.findFirst());
      // The data layer notes the failed connection first, with the mark it took before asking
      // (lib/db-watch.ts); Next.js then logs each failed request.
      noteDatabaseError(first, { mark });
      for (let i = 0; i < 10; i++) console.error("⨯", await failure(() => prisma.publication.findFirst()));
      console.error("[server] request failed:", new Error("a defect, logged as it is"));
      noteDatabaseReachable(reachabilityMark());
    } finally {
      restore();
    }
    expect(write.mock.calls.map((c) => c.map(String).join(" "))).toEqual([
      expect.stringMatching(
        /^\[db\] database unreachable: Can't reach database server at 127\.0\.0\.1:\d+ \(P1001\); answering 503/,
      ),
      expect.stringContaining("a defect, logged as it is"),
    ]);
    expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[db\] database reachable again after [\d.]+ s \(10 more such errors not logged\)$/),
    ]);
  });
});
