// The statement that writes a batch of usage events (lib/data/usage-events.ts)
// sends each column as one comma-separated string; these check that every
// event arrives as it was given, and that a spool line which could not travel
// that way is never read back (lib/stats/usage-spool.ts).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { insertUsageEvents } from "@/lib/data/usage-events";
import { readSpool, type UsageEvent } from "@/lib/stats/usage-spool";
import { createPublication, createSeries } from "./support/factories";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const visitor = () => randomBytes(20).toString("hex");

describe("writing a batch of usage events", () => {
  it("stores views and downloads as given (kind, file, visitor, time to the millisecond), and no event of an unknown or unpublished paper", async () => {
    const series = await createSeries();
    const [a, b, draft] = await Promise.all([
      createPublication({ seriesId: series.id, status: "published" }),
      createPublication({ seriesId: series.id, status: "published" }),
      createPublication({ seriesId: series.id, status: "draft" }),
    ]);
    const at = Date.UTC(2026, 10, 30, 12, 34, 56, 789);
    const kept: UsageEvent[] = [
      { kind: "view", publicationId: a.id, attachmentId: null, visitorHash: visitor(), at },
      { kind: "download", publicationId: a.id, attachmentId: 7, visitorHash: visitor(), at: at + 1 },
      { kind: "view", publicationId: b.id, attachmentId: null, visitorHash: visitor(), at: at + 2 },
      { kind: "download", publicationId: b.id, attachmentId: 2_147_483_647, visitorHash: visitor(), at: at + 3 },
    ];
    const left: UsageEvent[] = [
      { kind: "view", publicationId: draft.id, attachmentId: null, visitorHash: visitor(), at },
      { kind: "view", publicationId: 2_147_483_000, attachmentId: null, visitorHash: visitor(), at },
    ];
    // Interleaved, so a column shifted by one would pair a visitor with another event's kind or time.
    await insertUsageEvents([left[0]!, kept[0]!, kept[1]!, left[1]!, kept[2]!, kept[3]!]);

    const rows = await db.usageEvent.findMany({
      where: { visitorHash: { in: [...kept, ...left].map((e) => e.visitorHash) } },
      select: { kind: true, publicationId: true, attachmentId: true, visitorHash: true, occurredAt: true },
    });
    const stored = rows.map((r) => ({ ...r, occurredAt: r.occurredAt.getTime() })).sort((x, y) => x.occurredAt - y.occurredAt);
    expect(stored).toEqual(
      kept.map((e) => ({
        kind: e.kind,
        publicationId: e.publicationId,
        attachmentId: e.attachmentId,
        visitorHash: e.visitorHash,
        occurredAt: e.at,
      })),
    );
  });

  // The test files share one database and run two at a time, so the table's total is no measure:
  // an empty string split as one empty element would fail the casts, or write an empty visitor.
  it("writes an empty batch as nothing, without an error", async () => {
    await expect(insertUsageEvents([])).resolves.toBeUndefined();
    expect(await db.usageEvent.count({ where: { visitorHash: "" } })).toBe(0);
  });
});

describe("reading a spool file back", () => {
  it("skips a line whose visitor is not hex, as it could not be sent in the batch's columns, and keeps the lines around it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "usage-events-"));
    dirs.push(dir);
    const file = path.join(dir, "spool.jsonl");
    const good = (n: number): UsageEvent => ({
      kind: "view",
      publicationId: n,
      attachmentId: null,
      visitorHash: visitor(),
      at: 1_000 + n,
    });
    const lines = [
      JSON.stringify(good(1)),
      JSON.stringify({ ...good(2), visitorHash: "ab,cd" }),
      JSON.stringify({ ...good(3), visitorHash: "" }),
      JSON.stringify({ ...good(4), visitorHash: "ABCDEF" }),
      JSON.stringify(good(5)),
    ];
    await writeFile(file, `${lines.join("\n")}\n`);

    const tally = { skipped: 0 };
    const read: UsageEvent[] = [];
    for await (const chunk of readSpool(file, 100, tally)) read.push(...chunk);
    expect(read.map((e) => e.publicationId)).toEqual([1, 5]);
    expect(tally.skipped).toBe(3);
  });
});
