import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { countUse } from "@/lib/stats/count-request";
import { countableRequest } from "@/lib/stats/counting-rules";
import { visitorHash } from "@/lib/stats/visitor";
import { createPublication, createSeries } from "./support/factories";

// countUse hashes visitors a moment later, many at a time (lib/stats/record.ts),
// and reads the time from its own clock (lib/stats/clock.ts): what reaches the
// database must be what hashing each use on the spot would have written.

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const reader = (address: string, userAgent = CHROME) =>
  countableRequest("GET", new Headers({ [CLIENT_ADDRESS_HEADER]: address, "user-agent": userAgent }));

async function paper() {
  const series = await createSeries();
  return createPublication({ seriesId: series.id, status: "published" });
}

const events = (publicationId: number) =>
  db.usageEvent.findMany({
    where: { publicationId },
    select: { kind: true, attachmentId: true, visitorHash: true, occurredAt: true },
  });

describe("recording a reader's use", () => {
  it("writes 600 views and downloads at once (more than one batch) with each visitor hashed as visitorHash does", async () => {
    const p = await paper();
    const a = await db.attachment.create({
      data: {
        publicationId: p.id,
        fileName: "paper.pdf",
        byteSize: 1,
        sha256: "c".repeat(64),
        mediaType: "application/pdf",
        storageKey: `t/recording-${p.id}`,
      },
    });
    // Counting's clock read afresh: it reads the wall clock once a second and adds the monotonic
    // clock's progress since, so a wall clock set back meanwhile would put the uses after `after`
    // below (seen once in CI here: a reading 11 ms after Date.now()).
    vi.resetModules();
    const counting = await import("@/lib/stats/count-request");
    const record = await import("@/lib/stats/record");
    const before = Date.now();
    const addresses = Array.from({ length: 600 }, (_, i) => `10.9.${i >> 8}.${i & 255}`);
    addresses.forEach((address, i) =>
      counting.countUse(
        reader(address, i % 2 ? FIREFOX : CHROME),
        i % 3 ? { kind: "view", publicationId: p.id } : { kind: "download", publicationId: p.id, attachmentId: a.id },
      ),
    );
    const after = Date.now();
    await record.flushUsageEvents();
    const written = await events(p.id);
    expect(written).toHaveLength(600);
    // The same day for every use (a run across midnight would have two salts).
    const day = new Date(before).toISOString().slice(0, 10);
    expect(new Date(after).toISOString().slice(0, 10)).toBe(day);
    const expected = addresses.map((address, i) => ({
      kind: i % 3 ? "view" : "download",
      attachmentId: i % 3 ? null : a.id,
      visitorHash: visitorHash(env().AUTH_SECRET, address, i % 2 ? FIREFOX : CHROME, before),
    }));
    const sortKey = (e: { visitorHash: string }) => e.visitorHash;
    expect(
      written
        .map(({ kind, attachmentId, visitorHash }) => ({ kind, attachmentId, visitorHash }))
        .sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
    ).toEqual(expected.sort((x, y) => sortKey(x).localeCompare(sortKey(y))));
    for (const e of written) {
      expect(e.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(e.occurredAt.getTime()).toBeLessThanOrEqual(after + 1);
      // Only the hash is kept: no address in any column.
      expect(e.visitorHash).not.toContain("10.9.");
    }
  });

  it("reaches the database by itself, without a flush", async () => {
    const p = await paper();
    countUse(reader("10.8.0.1"), { kind: "view", publicationId: p.id });
    await expect.poll(async () => (await events(p.id)).length, { timeout: 10_000, interval: 50 }).toBe(1);
  });
});

describe("counting's clock", () => {
  afterEach(() => void vi.useRealTimers());

  it("reads whole milliseconds of the wall clock", async () => {
    // A clock of its own, read afresh (see the first test: the wall clock may be set meanwhile).
    vi.resetModules();
    const { countingClockMs } = await import("@/lib/stats/clock");
    const before = Date.now();
    // The first reading is the wall clock's; the second adds the monotonic clock's progress to it.
    const readings = [countingClockMs(), countingClockMs()];
    const after = Date.now();
    for (const at of readings) {
      expect(Number.isInteger(at)).toBe(true);
      // Whole milliseconds since a reading of the wall clock, itself whole, on another clock: within 1 ms of it.
      expect(at).toBeGreaterThanOrEqual(before - 1);
      expect(at).toBeLessThanOrEqual(after + 1);
    }
  });

  it("follows the wall clock when it is set forward or back, within a second", async () => {
    vi.useFakeTimers({ toFake: ["Date", "performance"], now: Date.parse("2026-12-03T23:59:59.000Z") });
    // A clock of its own, started on the fake monotonic clock (the real one is far ahead of it).
    vi.resetModules();
    const { countingClockMs } = await import("@/lib/stats/clock");
    vi.advanceTimersByTime(2_000);
    expect(countingClockMs()).toBe(Date.parse("2026-12-04T00:00:01.000Z"));
    vi.advanceTimersByTime(300);
    expect(countingClockMs()).toBe(Date.parse("2026-12-04T00:00:01.300Z"));
    // The wall clock set back an hour (a VM resumed, NTP stepped): noticed at the next second.
    vi.setSystemTime(Date.parse("2026-12-03T23:00:01.300Z"));
    vi.advanceTimersByTime(1_000);
    expect(countingClockMs()).toBe(Date.parse("2026-12-03T23:00:02.300Z"));
  });
});
