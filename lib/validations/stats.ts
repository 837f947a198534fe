import { z } from "zod";
import {
  DEFAULT_STATS_PRESET,
  isIsoDay,
  presetRange,
  siteToday,
  STATS_PRESETS,
  yearsBefore,
  type StatsRange,
} from "@/lib/stats/period";

/** What the schema gives: the days asked for. */
export type { StatsRange };

export const MAX_RANGE_YEARS = 5;

/** Why a query string was refused; each is a message key under Stats.problems. */
export const STATS_RANGE_PROBLEMS = [
  "invalidPreset",
  "invalidDate",
  "missingDate",
  "inFuture",
  "fromAfterTo",
  "rangeTooLong",
] as const;
export type StatsRangeProblem = (typeof STATS_RANGE_PROBLEMS)[number];

// Empty strings come from cleared form fields: they mean "not given".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const isoDaySchema = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "invalidDate" satisfies StatsRangeProblem })
    .trim()
    .refine(isIsoDay, { error: "invalidDate" satisfies StatsRangeProblem })
    .optional(),
);

/** The query string as given: a preset, or custom from/to days. Messages are Stats.problems keys. */
export const statsQuerySchema = z.object({
  preset: z.preprocess(
    blankToUndefined,
    z.enum(STATS_PRESETS, { error: "invalidPreset" satisfies StatsRangeProblem }).optional(),
  ),
  from: isoDaySchema,
  to: isoDaySchema,
});

/** The query checked against today: custom days win over a preset; nothing at all is the default preset. */
export function statsRangeSchema(today: string) {
  return statsQuerySchema
    .superRefine((q, ctx) => {
      if (q.from === undefined && q.to === undefined) return;
      const problem = customRangeProblem(q.from, q.to, today);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["from"] });
    })
    .transform((q): StatsRange => {
      if (q.from !== undefined && q.to !== undefined) return { from: q.from, to: q.to, preset: null };
      return presetRange(q.preset ?? DEFAULT_STATS_PRESET, today);
    });
}

function customRangeProblem(from: string | undefined, to: string | undefined, today: string): StatsRangeProblem | null {
  if (from === undefined || to === undefined) return "missingDate";
  if (to > today || from > today) return "inFuture";
  if (from > to) return "fromAfterTo";
  // 2019-03-15 … 2024-03-15 is the longest range ending 2024-03-15.
  if (from < yearsBefore(to, MAX_RANGE_YEARS)) return "rangeTooLong";
  return null;
}

const isProblem = (message: string): message is StatsRangeProblem =>
  (STATS_RANGE_PROBLEMS as readonly string[]).includes(message);

/**
 * The range a statistics page or export asked for. A bad query is not an error
 * page: the problem comes back (for the page to show, or an export to refuse)
 * with the default range to fall back on.
 */
export function parseStatsRange(
  params: Record<string, string | undefined>,
  today: string = siteToday(),
): { range: StatsRange; problem: StatsRangeProblem | null } {
  const parsed = statsRangeSchema(today).safeParse({ preset: params.preset, from: params.from, to: params.to });
  if (parsed.success) return { range: parsed.data, problem: null };
  const message = parsed.error.issues[0]?.message ?? "";
  return { range: presetRange(DEFAULT_STATS_PRESET, today), problem: isProblem(message) ? message : "invalidDate" };
}
