import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

// Uploads wait in a temporary file while they are checked, and the file is
// removed whether the upload is stored or refused. Only a process that dies
// mid-upload (killed, out of memory, power) leaves one behind; nothing else
// would ever delete it. An upload takes minutes at most, so a file a day old
// belongs to no upload still running, on this instance or another sharing the
// directory.
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Deletes the files in `dir` last written before `olderThanMs` ago; returns how many. A missing `dir` is empty. */
export async function sweepAbandonedUploads(dir: string, olderThanMs = ABANDONED_AFTER_MS, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const s = await stat(file);
      if (!s.isFile() || now - s.mtimeMs < olderThanMs) continue;
      await rm(file, { force: true });
      removed++;
    } catch (e) {
      // Gone meanwhile (its upload finished): nothing to do.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  return removed;
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Sweeps `dir` now and then hourly, in this instance (server start, instrumentation.ts). */
export function startUploadSweeper(dir: string) {
  const g = globalThis as { uploadSweeper?: true };
  if (g.uploadSweeper) return;
  g.uploadSweeper = true;
  const sweep = () =>
    sweepAbandonedUploads(dir)
      .then((n) => n > 0 && console.log(`[uploads] removed ${n} abandoned upload file(s) from ${dir}`))
      .catch((e: unknown) => console.error("[uploads] sweeping abandoned uploads failed:", e));
  void sweep();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
}
