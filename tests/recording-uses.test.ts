import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { countUse } from "@/lib/stats/count-request";
import { flushUsageEvents } from "@/lib/stats/record";
import { countableRequest } from "@/lib/stats/counting-rules";
import { visitorHash } from "@/lib/stats/visitor";
import { createPublication, createSeries } from "./support/factories";

// countUse hashes visitors a moment later, many at a time, and gives the uses
// hashed together the time they were hashed (lib/stats/record.ts): what reaches
// the database must be what hashing each use on the spot would have written,
// at a time no earlier than the use and no later than the flush.

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
    const before = Date.now();
    const addresses = Array.from({ length: 600 }, (_, i) => `10.9.${i >> 8}.${i & 255}`);
    addresses.forEach((address, i) =>
      countUse(
        reader(address, i % 2 ? FIREFOX : CHROME),
        i % 3 ? { kind: "view", publicationId: p.id } : { kind: "download", publicationId: p.id, attachmentId: a.id },
      ),
    );
    await flushUsageEvents();
    const after = Date.now();
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
