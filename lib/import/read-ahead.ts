import { createHash } from "node:crypto";
import { findImportedPaper } from "@/lib/data/archive-import";
import { PDF_READ_CONCURRENCY } from "@/lib/uploads/pdf-queue";
import type { ArchivePublication } from "@/lib/validations/archive";
import { checkAttachmentFile, readAttachmentFacts, type CheckedFile } from "./attachments";

/** Lines whose files are checked and read while the line before them is written. */
export const READ_AHEAD_LINES = 4;
// Reads started ahead at once: the PDF readers stay busy, and their queue (pdf-queue.ts) never fills.
const READS_AHEAD = PDF_READ_CONCURRENCY + 2;

export const lineHashOf = (text: string) => createHash("sha256").update(text).digest("hex");

const quiet = <T>(promise: Promise<T>) => {
  // Awaited later by the line itself, which reports the failure; until then it must not count as unhandled.
  promise.catch(() => undefined);
  return promise;
};

/**
 * The importer writes one paper at a time, in file order (later lines are
 * checked against earlier ones); reading PDFs needs none of that order. So
 * the files of the next lines are checked (SHA-256) and read by the PDF
 * readers while the current line's transaction runs. Only a cache: a line
 * takes what was started for it, and does the work itself otherwise.
 */
export class ReadAhead {
  private readonly checks = new Map<string, Promise<CheckedFile>>();
  private readonly started = new Set<Promise<unknown>>();
  private reading = 0;

  constructor(private readonly folder: string) {}

  /** Starts the file work of a coming line, unless it is unchanged since the last run or its files are stored. */
  warm(p: ArchivePublication, text: string): void {
    const work = quiet(this.warmLine(p, text));
    this.started.add(work);
    void work.finally(() => this.started.delete(work));
  }

  private async warmLine(p: ArchivePublication, text: string): Promise<void> {
    const existing = await findImportedPaper(p.legacyId);
    if (existing?.legacyLineHash === lineHashOf(text)) return;
    for (const a of p.attachments) {
      if (this.reading >= READS_AHEAD) return;
      let check = this.checks.get(a.path);
      if (!check) this.checks.set(a.path, (check = quiet(checkAttachmentFile(this.folder, a.path))));
      const checked = await check.catch(() => null);
      if (!checked || existing?.attachments.some((row) => row.sha256 === checked.sha256)) continue;
      this.reading++;
      await readAttachmentFacts(checked, a.path)
        .catch(() => undefined)
        .finally(() => this.reading--);
    }
  }

  /** The file's check, started ahead or now. */
  check(relative: string): Promise<CheckedFile> {
    const ahead = this.checks.get(relative);
    if (!ahead) return checkAttachmentFile(this.folder, relative);
    this.checks.delete(relative);
    return ahead;
  }

  /** Drops what a line left unused (it was refused before its files were looked at). */
  forget(p: ArchivePublication): void {
    for (const a of p.attachments) this.checks.delete(a.path);
  }

  /** Waits for the work started ahead, so nothing runs once the import has returned. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.started]);
  }
}
