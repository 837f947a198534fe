// Views and downloads recorded while the database is unreachable are kept (in
// memory, then in a spool file past the bound and at shutdown) and written when
// it is back or at the next start, exactly once and with the times they
// happened. The database is cut by a TCP proxy in front of the real server
// (tests/support/tcp-proxy.ts): connections refused and reset, as when it stops.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabaseUsageWriter } from "@/lib/stats/record";
import { claimLeftOverSpools, type UsageEvent } from "@/lib/stats/usage-spool";
import type { UsageWriter } from "@/lib/stats/usage-writer";
import { createPublication, createSeries } from "./support/factories";
import { databaseAddress, startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

const realUrl = process.env.DATABASE_URL!;
let proxy: TcpProxy;
let direct: pg.Client;
const writers: UsageWriter[] = [];

beforeAll(async () => {
  // The app's pool (lib/db.ts) goes through the proxy; the test looks at the database directly.
  proxy = await startTcpProxy(databaseAddress(realUrl));
  process.env.DATABASE_URL = proxy.url(realUrl);
  resetEnvCache();
  direct = new pg.Client({ connectionString: realUrl });
  await direct.connect();
});
afterEach(async () => {
  vi.restoreAllMocks();
  if (!(await proxyListening())) await proxy.restore();
  await Promise.all(writers.splice(0).map((w) => w.close()));
});
afterAll(async () => {
  await direct.end();
  await proxy.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function proxyListening() {
  return new Promise<boolean>((resolve) => {
    const probe = new pg.Client({ connectionString: proxy.url(realUrl), connectionTimeoutMillis: 1000 });
    probe.connect().then(
      () => void probe.end().then(() => resolve(true)),
      () => resolve(false),
    );
  });
}

const dirs: string[] = [];
async function spoolDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stats-spool-"));
  dirs.push(dir);
  return dir;
}

function writer(options: { spoolDir: string; maxInMemory?: number }) {
  const w = createDatabaseUsageWriter(options);
  writers.push(w);
  return w;
}

async function paper() {
  const series = await createSeries();
  return createPublication({ seriesId: series.id, status: "published" });
}

/** `n` views of the paper by as many visitors, a second apart, ending a minute ago. */
function views(publicationId: number, n: number): UsageEvent[] {
  const start = Date.now() - 60_000 - n * 1000;
  return Array.from({ length: n }, (_, i) => ({
    kind: "view" as const,
    publicationId,
    attachmentId: null,
    visitorHash: randomBytes(20).toString("hex"),
    at: start + i * 1000 + 123,
  }));
}

/** The paper's events as stored: visitor → when it happened (ms), and how many rows each visitor has. */
async function stored(publicationId: number) {
  const { rows } = await direct.query<{ visitor: string; at: string; n: number }>(
    `SELECT "visitorHash" AS visitor, (extract(epoch FROM min("occurredAt")) * 1000)::float8::text AS at, count(*)::int AS n
     FROM "UsageEvent" WHERE "publicationId" = $1 GROUP BY 1`,
    [publicationId],
  );
  return new Map(rows.map((r) => [r.visitor, { at: Math.round(Number(r.at)), n: r.n }]));
}

async function waitForRows(publicationId: number, n: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await stored(publicationId);
    if (rows.size >= n || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every event stored once, at the time it happened. */
function expectStoredOnce(rows: Map<string, { at: number; n: number }>, events: UsageEvent[]) {
  expect(rows.size).toBe(events.length);
  for (const e of events) expect(rows.get(e.visitorHash)).toEqual({ at: e.at, n: 1 });
}

const lines = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => c.map(String).join(" "));

describe("usage events while the database is unreachable", () => {
  it("keeps them and writes them, with their own times, when it is back, saying so once at each end", async () => {
    const p = await paper();
    const w = writer({ spoolDir: await spoolDir() });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await proxy.cut();

    const events = views(p.id, 1200);
    for (const e of events) void w.add(e);
    await w.flush();
    expect(w.kept()).toEqual({ inMemory: 1200, files: [] });
    expect((await stored(p.id)).size).toBe(0);

    await proxy.restore();
    const rows = await waitForRows(p.id, events.length);
    expectStoredOnce(rows, events);
    // The rows are visible to others once committed, a moment before the writer has the answer
    // and lets them go (and says so): waited for, not assumed (CI saw 1,200 still kept).
    await expect.poll(() => w.kept(), { timeout: 10_000 }).toEqual({ inMemory: 0, files: [] });
    await expect
      .poll(() => lines(logs).filter((l) => l.startsWith("[stats]")), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^\[stats\] written 1,200 kept views after \d+\.\d s$/)]);
    // The three batches (500, 500, 200) were flushed before the first write began, so they went as one
    // statement, and were kept together: one line when the outage began, one when it was over.
    expect(lines(errors).filter((l) => l.startsWith("[stats]"))).toEqual([
      expect.stringMatching(/^\[stats\] database unreachable, 1,200 views kept; writing them when it is back/),
    ]);
  });

  it("spills past the memory bound and at shutdown to an owner-only file, written once at the next start", async () => {
    const p = await paper();
    const dir = await spoolDir();
    const first = writer({ spoolDir: dir, maxInMemory: 100 });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await proxy.cut();

    const early = views(p.id, 250);
    for (const e of early) void first.add(e);
    await first.flush();
    const { inMemory, files } = first.kept();
    expect(inMemory).toBe(100);
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(150);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);

    // Shut down with the database still away: memory and the last, unflushed events join the file.
    const late = views(p.id, 40);
    for (const e of late) void first.add(e);
    await first.close();
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(290);
    expect((await stored(p.id)).size).toBe(0);

    await proxy.restore();
    const next = writer({ spoolDir: dir });
    await next.recover();
    expectStoredOnce(await stored(p.id), [...early, ...late]);
    expect(await readdir(dir)).toEqual([]);
    // A third start finds nothing left to write.
    await writer({ spoolDir: dir }).recover();
    expectStoredOnce(await stored(p.id), [...early, ...late]);
  });

  it("writes at shutdown what waits when the database answers, leaving no file", async () => {
    const p = await paper();
    const dir = await spoolDir();
    const w = writer({ spoolDir: dir });
    const events = views(p.id, 30);
    for (const e of events) void w.add(e);
    await w.close();
    expectStoredOnce(await stored(p.id), events);
    expect(await readdir(dir)).toEqual([]);
  });

  it("writes a previous run's spool at start even when the database comes back only later", async () => {
    const p = await paper();
    const dir = await spoolDir();
    const first = writer({ spoolDir: dir, maxInMemory: 0 });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await proxy.cut();
    const events = views(p.id, 20);
    for (const e of events) void first.add(e);
    await first.close();

    const next = writer({ spoolDir: dir });
    await next.recover();
    expect(next.kept().files).toHaveLength(1);
    await proxy.restore();
    expectStoredOnce(await waitForRows(p.id, events.length), events);
    // Removed once the writer has the database's answer, a moment after the rows are visible.
    await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]), { timeout: 10_000 });
  });

  it("never takes the spool of a writer that is still running", async () => {
    const p = await paper();
    const dir = await spoolDir();
    const living = writer({ spoolDir: dir, maxInMemory: 0 });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await proxy.cut();
    const events = views(p.id, 10);
    for (const e of events) void living.add(e);
    await living.flush();
    const own = living.kept().files.map((f) => path.basename(f));
    expect(own).toHaveLength(1);

    // Another writer starting beside it (another instance on this host, sharing the folder) leaves it alone.
    expect(await claimLeftOverSpools(dir)).toEqual([]);
    expect(await readdir(dir)).toEqual(own);
    // Its own writer writes it when the database is back.
    await proxy.restore();
    expectStoredOnce(await waitForRows(p.id, events.length), events);
    await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]));
  });

  it("judges a file left over by who wrote it: a process gone or untouched for minutes, not a living one", async () => {
    const dir = await spoolDir();
    const host = os.hostname().replace(/[^A-Za-z0-9.-]/g, "-");
    const line = `${JSON.stringify(views(1, 1)[0])}\n`;
    const make = async (name: string, ageMs = 0) => {
      await writeFile(path.join(dir, name), line, { mode: 0o600 });
      const when = new Date(Date.now() - ageMs);
      await utimes(path.join(dir, name), when, when);
      return name;
    };
    // PID 1 and this test's parent run; a PID past the kernel's limit never does.
    const living = await make(`${host}.${process.ppid}.aaaaaaaaaaaa.jsonl`);
    const alive1 = await make(`${host}.1.bbbbbbbbbbbb.jsonl`);
    const gone = await make(`${host}.4194999.cccccccccccc.jsonl`);
    const elsewhereFresh = await make(`other-host.12.dddddddddddd.jsonl`);
    const elsewhereStale = await make(`other-host.12.eeeeeeeeeeee.jsonl`, 10 * 60_000);
    const notOurs = await make(`notes.txt`);

    const claimed = await claimLeftOverSpools(dir);
    expect(claimed).toHaveLength(2);
    const left = await readdir(dir);
    expect(left).toEqual(expect.arrayContaining([living, alive1, elsewhereFresh, notOurs]));
    expect(left).not.toContain(gone);
    expect(left).not.toContain(elsewhereStale);
    // Claimed files now carry this process's name, and their content.
    for (const file of claimed) {
      expect(path.basename(file)).toMatch(new RegExp(`^${host.replace(/\./g, "\\.")}\\.${process.pid}\\.[0-9a-f]{12}\\.jsonl$`));
      expect(await readFile(file, "utf8")).toBe(line);
    }
  });
});
