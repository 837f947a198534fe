import "server-only";
import { access } from "node:fs/promises";
import { findSeriesRules, upsertArchiveSeries, type SeriesRules } from "@/lib/data/archive-import";
import { archiveSeriesSchema, parseArchiveLine, type Refusal } from "@/lib/validations/archive";
import { readLines } from "./read-lines";

export type SeriesCounts = { created: number; updated: number; unchanged: number };

/** The series of the archive by slug; null remembers a slug found nowhere. */
export type SeriesBySlug = Map<string, SeriesRules | null>;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * Applies series.jsonl (when there is one) before any paper, so papers can name
 * its series. A dry run only reads: a new series gets id -1.
 */
export async function importSeries(file: string, dryRun: boolean) {
  const bySlug: SeriesBySlug = new Map();
  const counts: SeriesCounts = { created: 0, updated: 0, unchanged: 0 };
  const refusals: Refusal[] = [];
  let refusedLines = 0;
  if (!(await exists(file))) return { bySlug, counts, refusals, refusedLines };
  for await (const { line, text } of readLines(file)) {
    const parsed = parseArchiveLine(archiveSeriesSchema, text, line);
    if (!parsed.ok) {
      refusedLines++;
      refusals.push(...parsed.refusals.map((r) => ({ ...r, file: "series.jsonl" as const })));
      continue;
    }
    const s = parsed.value;
    if (dryRun) {
      const known = await findSeriesRules(s.slug);
      counts[known ? "updated" : "created"]++;
      bySlug.set(s.slug, { id: known?.id ?? -1, reportNumberPattern: s.reportNumberPattern });
    } else {
      const { outcome, ...rules } = await upsertArchiveSeries(s);
      counts[outcome]++;
      bySlug.set(s.slug, rules);
    }
  }
  return { bySlug, counts, refusals, refusedLines };
}

/** A series by slug: from series.jsonl, else from the database (remembered either way). */
export async function seriesFor(bySlug: SeriesBySlug, slug: string): Promise<SeriesRules | null> {
  if (!bySlug.has(slug)) bySlug.set(slug, await findSeriesRules(slug));
  return bySlug.get(slug) ?? null;
}
