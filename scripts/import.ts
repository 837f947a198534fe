// `npm run import -- <folder> [--dry-run]`: loads an archive of old papers
// (README, "Bringing an archive"). Exit code 0 only when no line was refused;
// Ctrl-C or SIGTERM stops after the current paper, and a rerun finishes the job.
// package.json runs it with Node itself and tsx's loader, not tsx's CLI: that
// CLI is a second process that passes a SIGTERM on and kills the importer
// outright (SIGKILL) unless it answers within 30 ms, which a busy import may not.
import { access } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createImportRun, finishImportRun } from "@/lib/data/import-runs";
import { importArchive, type ImportReport } from "@/lib/import/importer";
import { progressPrinter } from "@/lib/import/progress";
import { formatReport } from "@/lib/import/report";
import { parseEnv } from "@/lib/env";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";
import { stopOnSignal } from "./lib/stop-on-signal";

const USAGE = "Usage: npm run import -- <archive folder> [--dry-run]";

function operator(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}

runScript(async () => {
  const { flags, positional } = commandArguments(USAGE, { flags: ["--dry-run"], positional: 1 });
  const dryRun = flags.has("--dry-run");
  const [folder] = positional;
  if (!folder) throw new Error(USAGE);
  if (!parseEnv().DATABASE_URL)
    throw new Error("DATABASE_URL is not set: the importer writes into the portal's PostgreSQL database.");
  const source = path.resolve(folder);
  await access(path.join(source, "publications.jsonl")).catch(() => {
    throw new Error(`${path.join(source, "publications.jsonl")} is missing: the archive folder must contain it. ${USAGE}`);
  });

  // A second Ctrl-C does not wait for the paper in progress; its transaction rolls back.
  const stopping = stopOnSignal("stopping after the current paper");

  // A dry run writes nothing, not even its ImportRun row.
  const runId = dryRun ? null : await createImportRun(source, operator());
  const progress = progressPrinter(process.stderr);
  let report: ImportReport;
  try {
    report = await importArchive({
      folder: source,
      dryRun,
      signal: stopping.signal,
      onProgress: (done, total) => progress.update(done, total),
    });
  } catch (error) {
    progress.end();
    if (runId !== null)
      await finishImportRun(runId, { status: "failed", imported: 0, updated: 0, unchanged: 0, refused: 0, refusedLines: [] });
    throw error;
  }
  progress.end();
  if (runId !== null)
    await finishImportRun(runId, {
      ...report,
      status: report.interrupted ? "failed" : "finished",
      refusedLines: report.refusals,
    });
  console.log(formatReport(report));
  if (report.interrupted) process.exitCode = stopping.exitCode();
  else if (report.refused > 0) process.exitCode = 1;
});
