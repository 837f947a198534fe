import "server-only";
import path from "node:path";
import { archivePublicationSchema, parseArchiveLine, type ArchivePublication, type Refusal } from "@/lib/validations/archive";
import { importPaperLine, type RunState } from "./paper";
import { indexArchive } from "./prescan";
import { READ_AHEAD_LINES, ReadAhead } from "./read-ahead";
import { readLines } from "./read-lines";
import { importSeries, type SeriesCounts } from "./series-pass";

export type ImportCounts = { imported: number; updated: number; unchanged: number; refused: number };

export type ImportReport = ImportCounts & {
  dryRun: boolean;
  /** Papers in publications.jsonl (non-blank lines). */
  total: number;
  series: SeriesCounts;
  refusals: Refusal[];
  /** Stopped by the signal before the last line: a rerun finishes the job. */
  interrupted: boolean;
};

export type ImportOptions = {
  folder: string;
  dryRun?: boolean;
  /** Checked between lines: the line in progress finishes its transaction first. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Imports an archive folder: series.jsonl first, then publications.jsonl line
 * by line (each paper in its own transaction), then the lines whose
 * translation came later in the file. A dry run checks and resolves the same way and writes nothing.
 */
export async function importArchive({ folder, dryRun = false, signal, onProgress }: ImportOptions): Promise<ImportReport> {
  const publications = path.join(folder, "publications.jsonl");
  const index = await indexArchive(publications);
  const seriesPass = await importSeries(path.join(folder, "series.jsonl"), dryRun);
  const report: ImportReport = {
    dryRun,
    total: index.total,
    series: seriesPass.counts,
    imported: 0,
    updated: 0,
    unchanged: 0,
    refused: seriesPass.refusedLines,
    refusals: [...seriesPass.refusals],
    interrupted: false,
  };
  const state: RunState = {
    folder,
    dryRun,
    index,
    series: seriesPass.bySlug,
    numbers: new Map(),
    addresses: new Map(),
    accepted: new Set(),
    knownTerms: new Set(),
    knownAuthorKeys: new Set(),
    readAhead: new ReadAhead(folder),
    finalPass: false,
  };

  let done = 0;
  const stopped = () => (report.interrupted ||= signal?.aborted ?? false);
  const deferred = new Set<number>();
  type Parsed = {
    line: number;
    text: string;
    parsed: { ok: true; value: ArchivePublication } | { ok: false; refusals: Refusal[] };
  };
  const parse = (line: number, text: string): Parsed => ({
    line,
    text,
    parsed: parseArchiveLine(archivePublicationSchema, text, line),
  });
  const importLine = async ({ line, text, parsed }: Parsed) => {
    const result = parsed.ok
      ? await importPaperLine(state, parsed.value, line, text)
      : { outcome: "refused" as const, refusals: parsed.refusals };
    if (parsed.ok) state.readAhead.forget(parsed.value);
    if (result.outcome === "deferred") return deferred.add(line);
    report[result.outcome]++;
    if (result.outcome === "refused")
      report.refusals.push(...result.refusals.map((r) => ({ line, field: r.field, reason: r.reason })));
    onProgress?.(++done, index.total);
  };
  /** Imports the lines in file order, the files of the next READ_AHEAD_LINES read meanwhile. */
  const importLines = async (lines: AsyncIterable<Parsed>) => {
    const ahead: Parsed[] = [];
    for await (const next of lines) {
      if (next.parsed.ok) state.readAhead.warm(next.parsed.value, next.text);
      ahead.push(next);
      if (ahead.length <= READ_AHEAD_LINES) continue;
      if (stopped()) return;
      await importLine(ahead.shift()!);
    }
    for (const next of ahead) {
      if (stopped()) return;
      await importLine(next);
    }
  };
  async function* parsedLines(only?: Set<number>): AsyncGenerator<Parsed> {
    for await (const { line, text } of readLines(publications)) if (!only || only.has(line)) yield parse(line, text);
  }

  try {
    await importLines(parsedLines());
    // The second pass: lines whose translation came later, read again rather than kept in memory.
    state.finalPass = true;
    if (!report.interrupted && deferred.size > 0) await importLines(parsedLines(new Set(deferred)));
  } finally {
    await state.readAhead.settle();
  }
  report.refusals.sort((a, b) => Number(a.file === undefined) - Number(b.file === undefined) || a.line - b.line);
  return report;
}
