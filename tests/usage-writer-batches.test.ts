// When a write of usage events takes longer than the next batch takes to fill
// (a busy database), the batches flushed meanwhile go out together when it
// ends, up to 10,000 events a statement, instead of one statement each, one
// after the other (lib/stats/usage-writer.ts).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { insertUsageEvents, insertUsageEventsAllOrNone } from "@/lib/data/usage-events";
import type { UsageEvent } from "@/lib/stats/usage-spool";
import { createUsageWriter } from "@/lib/stats/usage-writer";
import { createPublication, createSeries } from "./support/factories";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function views(publicationId: number, n: number): UsageEvent[] {
  return Array.from({ length: n }, () => ({
    kind: "view" as const,
    publicationId,
    attachmentId: null,
    visitorHash: randomBytes(20).toString("hex"),
    at: Date.now(),
  }));
}

describe("writing usage events under load", () => {
  it("sends the batches flushed during a write together when it ends, at most 10,000 a statement, each event once", async () => {
    const paper = await createPublication({ seriesId: (await createSeries()).id, status: "published" });
    const dir = await mkdtemp(path.join(os.tmpdir(), "usage-writer-"));
    dirs.push(dir);
    // The real statement, its batch sizes noted, and the first write held until released: a slow write.
    const sizes: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const firstBegan = new Promise<void>((resolve) => (began = resolve));
    const writer = createUsageWriter({
      spoolDir: dir,
      insertAll: insertUsageEventsAllOrNone,
      insert: async (events) => {
        sizes.push(events.length);
        if (sizes.length === 1) {
          began();
          await held;
        }
        await insertUsageEvents(events);
      },
    });

    const first = views(paper.id, 500);
    for (const e of first) void writer.add(e);
    await firstBegan;
    // 50 more batches of 500 fill while the first write is under way.
    const meanwhile = views(paper.id, 25_000);
    for (const e of meanwhile) void writer.add(e);
    release();
    await writer.flush();

    expect(sizes).toEqual([500, 10_000, 10_000, 5_000]);
    const stored = await db.usageEvent.groupBy({ by: ["visitorHash"], where: { publicationId: paper.id }, _count: true });
    expect(stored).toHaveLength(25_500);
    expect(stored.every((row) => row._count === 1)).toBe(true);
    await writer.close();
  });
});
