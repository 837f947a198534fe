import "server-only";
import { db } from "@/lib/db";
import type { Refusal } from "@/lib/validations/archive";
import { readPage } from "./pagination";

/** A refused line of an import, as the run recorded it. */
export type RefusedLine = Refusal;

function refusedLinesOf(value: unknown): RefusedLine[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== "object" || v === null) return [];
    const { line, field, reason, file } = v as Record<string, unknown>;
    if (typeof line !== "number" || typeof field !== "string" || typeof reason !== "string") return [];
    return [file === "series.jsonl" ? { line, field, reason, file } : { line, field, reason }];
  });
}

/** Past archive imports, newest first, with their refused lines (the admin's imports page). */
export async function listImportRuns({ page, pageSize = 20 }: { page: number; pageSize?: number }) {
  const runs = await readPage(
    { page, pageSize },
    () => db.importRun.count(),
    (window) => db.importRun.findMany({ orderBy: { id: "desc" }, ...window }),
  );
  return { ...runs, rows: runs.rows.map((r) => ({ ...r, refusedLines: refusedLinesOf(r.refusedLines) })) };
}

/** A real run (a dry run writes nothing), recorded as it starts so an interrupted one shows as such. */
export async function createImportRun(source: string, startedBy: string) {
  return (await db.importRun.create({ data: { source, startedBy, dryRun: false }, select: { id: true } })).id;
}

export const REFUSED_LINES_KEPT = 1000;

export async function finishImportRun(
  id: number,
  r: {
    status: "finished" | "failed";
    imported: number;
    updated: number;
    unchanged: number;
    refused: number;
    refusedLines: Refusal[];
  },
) {
  await db.importRun.update({
    where: { id },
    data: {
      status: r.status,
      imported: r.imported,
      updated: r.updated,
      unchanged: r.unchanged,
      refused: r.refused,
      refusedLines: r.refusedLines.slice(0, REFUSED_LINES_KEPT),
      finishedAt: new Date(),
    },
  });
}
