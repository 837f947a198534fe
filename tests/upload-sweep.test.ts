import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ABANDONED_AFTER_MS, sweepAbandonedUploads } from "@/lib/uploads/sweep";

let dir = "";

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("sweeping abandoned uploads", () => {
  it("deletes upload files left for over a day and keeps newer ones and folders", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "sweep-"));
    const abandoned = path.join(dir, "upload-abandoned");
    const running = path.join(dir, "upload-running");
    const folder = path.join(dir, "folder");
    await writeFile(abandoned, "half a PDF");
    await writeFile(running, "a PDF arriving");
    await mkdir(folder);
    const twoDaysAgo = new Date(Date.now() - 2 * ABANDONED_AFTER_MS);
    await utimes(abandoned, twoDaysAgo, twoDaysAgo);
    await utimes(folder, twoDaysAgo, twoDaysAgo);

    expect(await sweepAbandonedUploads(dir)).toBe(1);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(folder)).toBe(true);
    // An hour from now the running upload is still not abandoned.
    expect(await sweepAbandonedUploads(dir, ABANDONED_AFTER_MS, Date.now() + 3600_000)).toBe(0);
  });

  it("treats a temporary folder that was never created as empty", async () => {
    expect(await sweepAbandonedUploads(path.join(os.tmpdir(), `never-created-${Date.now()}`))).toBe(0);
  });
});
