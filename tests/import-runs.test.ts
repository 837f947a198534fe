// The admin's record of archive imports (/{locale}/admin/imports): what a run
// wrote is what the page lists, refused lines and their file included.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createImportRun, finishImportRun, listImportRuns } from "@/lib/data/import-runs";
import { uid } from "./support/factories";

describe("import runs", () => {
  it("lists a finished run with its counts and refused lines, newest first, series.jsonl lines named as such", async () => {
    // Arrange
    const source = `/archives/${uid()}`;
    const older = await createImportRun(`${source}-older`, "tester");
    const id = await createImportRun(source, "tester");

    // Act
    await finishImportRun(id, {
      status: "finished",
      imported: 3,
      updated: 1,
      unchanged: 2,
      refused: 2,
      refusedLines: [
        { line: 7, field: "series", reason: 'unknown series "focus"' },
        { line: 2, field: "slug", reason: "is required", file: "series.jsonl" },
      ],
    });
    const { rows } = await listImportRuns({ page: 1 });

    // Assert
    const mine = rows.filter((r) => r.source.startsWith(source));
    expect(mine.map((r) => r.id)).toEqual([id, older]);
    expect(mine[0]).toMatchObject({ status: "finished", imported: 3, updated: 1, unchanged: 2, refused: 2, startedBy: "tester" });
    expect(mine[0]!.finishedAt).toBeInstanceOf(Date);
    expect(mine[0]!.refusedLines).toEqual([
      { line: 7, field: "series", reason: 'unknown series "focus"' },
      { line: 2, field: "slug", reason: "is required", file: "series.jsonl" },
    ]);
    // A run still going (or killed outright) shows as running, with nothing counted.
    expect(mine[1]).toMatchObject({ status: "running", imported: 0, finishedAt: null });
  });

  it("keeps at most 1,000 refused lines, and skips malformed ones it finds stored", async () => {
    // Arrange
    const id = await createImportRun(`/archives/${uid()}`, "tester");
    const many = Array.from({ length: 1_200 }, (_, i) => ({ line: i + 1, field: "title", reason: "is required" }));
    await finishImportRun(id, { status: "failed", imported: 0, updated: 0, unchanged: 0, refused: 1_200, refusedLines: many });
    const malformed = await createImportRun(`/archives/${uid()}`, "tester");
    await db.importRun.update({
      where: { id: malformed },
      data: { refusedLines: [{ line: "x" }, 3, { line: 1, field: "a", reason: "b" }] },
    });

    // Act
    const { rows } = await listImportRuns({ page: 1, pageSize: 100 });

    // Assert
    expect(rows.find((r) => r.id === id)!.refusedLines).toHaveLength(1_000);
    expect(rows.find((r) => r.id === malformed)!.refusedLines).toEqual([{ line: 1, field: "a", reason: "b" }]);
  });
});
