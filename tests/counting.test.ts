import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { countableRequest, skipReason } from "@/lib/stats/counting-rules";
import { purgeUsageEvents } from "@/lib/data/usage-events";
import { foldUsageEvents } from "@/lib/data/usage-fold";
import { flushUsageEvents, recordDownload, recordView } from "@/lib/stats/record";
import { isRobot } from "@/lib/stats/robots";
import { visitorHash } from "@/lib/stats/visitor";
import counterRobots from "@/lib/stats/data/counter-robots.json";
import { createPublication, createSeries } from "./support/factories";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const request = (headers: Record<string, string> = {}, cookieNames: string[] = [], method = "GET") => ({
  method,
  headers: new Headers({ "user-agent": CHROME, ...headers }),
  cookieNames,
});
const visitor = () => randomBytes(20).toString("hex");

async function paper(status: "published" | "draft" = "published") {
  const series = await createSeries();
  return createPublication({ seriesId: series.id, status });
}

async function counts(id: number) {
  const p = await db.publication.findUniqueOrThrow({
    where: { id },
    select: { viewCount: true, downloadCount: true, baseHits: true },
  });
  const daily = await db.dailyStat.aggregate({ where: { publicationId: id }, _sum: { views: true, downloads: true } });
  return {
    views: p.viewCount,
    downloads: p.downloadCount,
    dailyViews: daily._sum.views ?? 0,
    dailyDownloads: daily._sum.downloads ?? 0,
  };
}

/**
 * Writes buffered events, then folds until every event inserted so far is
 * folded, as the scheduler would over a few ticks. Test files share the
 * database: another file's insert in flight may hold a fold back for a moment.
 */
async function foldAll() {
  await flushUsageEvents();
  const { rows } = await pool().query<{ now: string }>("SELECT now()::text AS now");
  for (let attempt = 0; attempt < 250; attempt++) {
    while ((await foldUsageEvents({ graceSeconds: 0 })) > 0);
    const { rows: done } = await pool().query<{ ok: boolean }>(
      `SELECT "foldedThrough" > $1::timestamptz AS ok FROM "StatsFold" WHERE id = 1`,
      [rows[0]!.now],
    );
    if (done[0]?.ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("folding did not catch up within 5 s");
}

/**
 * A new paper and reader, and a function that writes that reader's view as
 * having happened `secondsAgo` (late, as a buffer kept through an outage
 * writes it), folds, and gives the paper's counts.
 */
async function oneVisitorViewingAt() {
  const p = await paper();
  const v = visitor();
  const now = Date.now();
  return async (secondsAgo: number) => {
    await db.usageEvent.create({
      data: { kind: "view", publicationId: p.id, visitorHash: v, occurredAt: new Date(now - secondsAgo * 1000) },
    });
    await foldAll();
    return counts(p.id);
  };
}

describe("who is counted", () => {
  it("counts an ordinary browser's GET", () => {
    expect(skipReason(request(), { countStaff: false })).toBeNull();
  });

  it.each([
    [{ purpose: "prefetch" }],
    [{ "sec-purpose": "prefetch;prerender" }],
    [{ "sec-purpose": "prefetch" }],
    [{ "x-purpose": "Preview, PREFETCH" }],
    [{ purpose: "", "sec-purpose": "prerender" }],
    [{ "next-router-prefetch": "1" }],
    [{ "x-middleware-prefetch": "1" }],
  ])("skips link prefetches %o, and counts the same request without it", (headers) => {
    expect(skipReason(request(headers), { countStaff: false })).toBe("prefetch");
    expect(skipReason(request(), { countStaff: false })).toBeNull();
  });

  it("skips user agents from the COUNTER robots list and well-known bots", () => {
    const samples = [
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
      "python-requests/2.31",
      "curl/8.4.0",
      "Wget/1.21",
      "HeadlessChrome/120.0",
      "",
      "Java/1.8.0_151",
      "ia_archiver",
    ];
    // Twice each: the second answer comes from the remembered verdicts.
    for (const ua of [...samples, ...samples]) expect(isRobot(ua), ua).toBe(true);
    expect(isRobot(CHROME)).toBe(false);
    expect(isRobot(CHROME)).toBe(false);
    expect(isRobot(`Googlebot/2.1 ${"x".repeat(600)}`)).toBe(true);
    expect(
      isRobot(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe(false);
    expect(counterRobots.length).toBeGreaterThan(300);
    expect(skipReason(request({ "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0)" }), { countStaff: false })).toBe("robot");
    expect(skipReason(request({ "user-agent": CHROME }), { countStaff: false })).toBeNull();
  });

  it("skips signed-in staff unless configured to count them, and anything but GET", () => {
    expect(skipReason(request({}, ["authjs.session-token"]), { countStaff: false })).toBe("staff");
    expect(skipReason(request({}, ["__Secure-authjs.session-token"]), { countStaff: false })).toBe("staff");
    expect(skipReason(request({}, ["authjs.session-token"]), { countStaff: true })).toBeNull();
    expect(skipReason(request({}, ["other"]), { countStaff: false })).toBeNull();
    expect(skipReason(request({}, [], "HEAD"), { countStaff: false })).toBe("method");
  });

  it("reads the session cookie from the request's Cookie header, and a request without one as a reader's", () => {
    const asSent = (cookie?: string) =>
      countableRequest("GET", new Headers({ "user-agent": CHROME, ...(cookie === undefined ? {} : { cookie }) }));
    expect(skipReason(asSent("theme=dark; authjs.session-token=abc"), { countStaff: false })).toBe("staff");
    expect(skipReason(asSent("__Secure-authjs.session-token.0=abc"), { countStaff: false })).toBe("staff");
    expect(skipReason(asSent("theme=dark"), { countStaff: false })).toBeNull();
    expect(skipReason(asSent(), { countStaff: false })).toBeNull();
    expect(asSent().cookieNames).toEqual([]);
  });

  it("identifies a visitor by address and browser with a salt that changes daily", () => {
    const day1 = Date.parse("2026-11-27T10:00:00Z");
    const day2 = Date.parse("2026-11-28T10:00:00Z");
    expect(visitorHash("s", "1.2.3.4", CHROME, day1)).toBe(
      visitorHash("s", "1.2.3.4", CHROME, Date.parse("2026-11-27T23:59:00Z")),
    );
    expect(visitorHash("s", "1.2.3.4", CHROME, day1)).not.toBe(visitorHash("s", "1.2.3.4", CHROME, day2));
    expect(visitorHash("s", "1.2.3.4", CHROME, day1)).not.toBe(visitorHash("s", "1.2.3.5", CHROME, day1));
    expect(visitorHash("s", "1.2.3.4", CHROME, day1)).not.toContain("1.2.3.4");
  });
});

describe("folding events into totals", () => {
  it("counts nothing for unknown or unpublished publications (a 404 is no hit), and a published one's view", async () => {
    const draft = await paper("draft");
    const published = await paper();
    await recordView(draft.id, visitor());
    await recordView(2_000_000_000, visitor());
    await recordView(published.id, visitor());
    await flushUsageEvents();
    expect(await db.usageEvent.count({ where: { publicationId: draft.id } })).toBe(0);
    expect(await db.usageEvent.count({ where: { publicationId: 2_000_000_000 } })).toBe(0);
    expect(await db.usageEvent.count({ where: { publicationId: published.id } })).toBe(1);
  });

  it("counts the same visitor once within 30 seconds, and again after a 31-second gap", async () => {
    const p = await paper();
    const v = visitor();
    const now = Date.now();
    await db.usageEvent.createMany({
      data: [0, 5_000, 29_000, 60_000, 91_000].map((ms) => ({
        kind: "view" as const,
        publicationId: p.id,
        visitorHash: v,
        occurredAt: new Date(now - 120_000 + ms),
      })),
    });
    await foldAll();
    // 0, 5 s and 29 s form one burst; 60 s comes 31 s after 29 s; 91 s comes 31 s after 60 s.
    expect(await counts(p.id)).toMatchObject({ views: 3, dailyViews: 3 });
  });

  it("judges a double click against events folded before, including one that arrives late", async () => {
    const at = await oneVisitorViewingAt();
    expect((await at(60)).views).toBe(1);
    expect((await at(50)).views).toBe(1); // 10 s after the first, folded separately
    // Written late (another instance's buffer): 15 s after the second, before
    // any later event, so still a double click.
    expect((await at(35)).views).toBe(1);
    // Written late too, but 40 s before anything else: a view of its own.
    expect((await at(100)).views).toBe(2);
  });

  it("counts a view written late, before one already folded, and that one no more: the pair is one view", async () => {
    const at = await oneVisitorViewingAt();
    expect(await at(60)).toMatchObject({ views: 1, dailyViews: 1 });
    // Kept through a database outage: happened 20 s before the one folded, written after it.
    expect(await at(80)).toMatchObject({ views: 1, dailyViews: 1 });
  });

  it("makes two folded views one when a view written late falls between them", async () => {
    const at = await oneVisitorViewingAt();
    expect(await at(100)).toMatchObject({ views: 1 });
    expect(await at(60)).toMatchObject({ views: 2, dailyViews: 2 }); // 40 s later: a view of its own
    // 20 s after the first and 20 s before the second: all three are one burst.
    expect(await at(80)).toMatchObject({ views: 1, dailyViews: 1 });
  });

  it("gives the same totals whatever order the events are written in, and folds each once", async () => {
    // One visitor's views (seconds ago) and the 30-second rule applied to all of them at once.
    const times = [300, 290, 262, 240, 200, 185, 150, 125, 100, 99, 60, 45, 20];
    const expected = times
      .toSorted((a, b) => b - a)
      .filter((t, i, all) => !all.slice(0, i).some((earlier) => earlier - t < 30)).length;
    const orders = [
      times,
      times.toReversed(),
      [100, 300, 20, 262, 45, 150, 290, 60, 200, 99, 240, 125, 185],
      [60, 99, 125, 185, 240, 290, 20, 45, 100, 150, 200, 262, 300],
    ];
    for (const order of orders) {
      const p = await paper();
      const v = visitor();
      const now = Date.now();
      // Written in this order, in batches of one to three, folded after each.
      for (let i = 0; i < order.length;) {
        const batch = order.slice(i, (i += 1 + (i % 3)));
        await db.usageEvent.createMany({
          data: batch.map((t) => ({
            kind: "view" as const,
            publicationId: p.id,
            visitorHash: v,
            occurredAt: new Date(now - t * 1000),
          })),
        });
        await foldAll();
      }
      expect(await counts(p.id)).toMatchObject({ views: expected, dailyViews: expected });
    }
  });

  it("skips the events of a publication deleted before they are folded", async () => {
    const gone = await paper();
    const kept = await paper();
    await recordView(gone.id, visitor());
    await recordView(kept.id, visitor());
    await flushUsageEvents();
    await db.publication.delete({ where: { id: gone.id } });
    await foldAll();
    expect(await counts(kept.id)).toMatchObject({ views: 1, dailyViews: 1 });
    expect(await db.dailyStat.count({ where: { publicationId: gone.id } })).toBe(0);
  });

  it("counts 500 concurrent views by 500 visitors exactly once each", async () => {
    const p = await paper();
    await Promise.all(Array.from({ length: 500 }, () => recordView(p.id, visitor())));
    await foldAll();
    expect(await counts(p.id)).toMatchObject({ views: 500, dailyViews: 500 });
  });

  it("counts 500 views by one visitor within 30 seconds as one", async () => {
    const p = await paper();
    const v = visitor();
    await Promise.all(Array.from({ length: 500 }, () => recordView(p.id, v)));
    await foldAll();
    expect(await counts(p.id)).toMatchObject({ views: 1, dailyViews: 1 });
  });

  it("counts downloads separately, per file", async () => {
    const p = await paper();
    const v = visitor();
    const a = await db.attachment.create({
      data: {
        publicationId: p.id,
        fileName: "a.pdf",
        byteSize: 1,
        sha256: "a".repeat(64),
        mediaType: "application/pdf",
        storageKey: `t/${visitor()}`,
      },
    });
    const b = await db.attachment.create({
      data: {
        publicationId: p.id,
        fileName: "b.pdf",
        byteSize: 1,
        sha256: "b".repeat(64),
        mediaType: "application/pdf",
        storageKey: `t/${visitor()}`,
      },
    });
    await recordDownload(p.id, a.id, v);
    await recordDownload(p.id, a.id, v);
    await recordDownload(p.id, b.id, v);
    await recordView(p.id, v);
    await foldAll();
    expect(await counts(p.id)).toEqual({ views: 1, downloads: 2, dailyViews: 1, dailyDownloads: 2 });
  });

  it("is safe to run twice and from two instances at once", async () => {
    const p = await paper();
    await Promise.all(Array.from({ length: 50 }, () => recordView(p.id, visitor())));
    await Promise.all([foldAll(), foldAll(), foldAll()]);
    await foldAll();
    expect(await counts(p.id)).toMatchObject({ views: 50, dailyViews: 50 });
  });

  it("does not pass over an event whose insert is still running when the fold runs", async () => {
    const p = await paper();
    // Another connection's transaction: it has written an event and gone on to
    // something else, and has not committed yet.
    const other = await pool().connect();
    try {
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO "UsageEvent" (kind, "publicationId", "visitorHash", "occurredAt") VALUES ('view', $1, $2, now())`,
        [p.id, visitor()],
      );
      await other.query("SELECT 1");
      await recordView(p.id, visitor());
      await flushUsageEvents();
      while ((await foldUsageEvents({ graceSeconds: 0 })) > 0);
      // The committed one may only be folded up to where the open transaction began.
      expect((await counts(p.id)).views).toBe(0);
      await other.query("COMMIT");
    } finally {
      other.release();
    }
    await foldAll();
    expect(await counts(p.id)).toMatchObject({ views: 2, dailyViews: 2 });
  });

  it("is not held back by a transaction that only reads, as a backup does", async () => {
    const p = await paper();
    // pg_dump reads in one repeatable-read transaction for as long as the backup takes.
    const reader = await pool().connect();
    try {
      await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await reader.query(`SELECT count(*) FROM "Publication"`);
      await recordView(p.id, visitor());
      await flushUsageEvents();
      while ((await foldUsageEvents({ graceSeconds: 0 })) > 0);
      expect((await counts(p.id)).views).toBe(1);
    } finally {
      await reader.query("COMMIT");
      reader.release();
    }
  });

  it("never moves its watermark back, so no event is folded twice", async () => {
    const p = await paper();
    await recordView(p.id, visitor());
    await foldAll();
    // A fold that waits longer (another instance's setting, a clock set back) must not reopen what is folded.
    while ((await foldUsageEvents({ graceSeconds: 3600 })) > 0);
    await recordView(p.id, visitor());
    await foldAll();
    expect(await counts(p.id)).toMatchObject({ views: 2, dailyViews: 2 });
  });

  it("purges raw events past the retention window, keeping the aggregates", async () => {
    const p = await paper();
    const old = new Date(Date.now() - 100 * 86_400_000);
    await db.usageEvent.create({ data: { kind: "view", publicationId: p.id, visitorHash: visitor(), occurredAt: old } });
    await foldAll();
    await purgeUsageEvents(90);
    expect(await db.usageEvent.count({ where: { publicationId: p.id } })).toBe(0);
    expect(await counts(p.id)).toMatchObject({ views: 1, dailyViews: 1 });
    const [day] = await db.dailyStat.findMany({ where: { publicationId: p.id } });
    expect(day?.day.toISOString().slice(0, 10)).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(old));
  });
});
