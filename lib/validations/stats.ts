import { z } from "zod";
import { formatIsoDate } from "@/lib/format";

export const STATS_PRESETS = ["7d", "30d", "365d", "ytd"] as const;
export type StatsPreset = (typeof STATS_PRESETS)[number];
export const DEFAULT_STATS_PRESET: StatsPreset = "30d";
export const MAX_RANGE_YEARS = 5;

/** An inclusive range of the institution's calendar days (Asia/Seoul), as YYYY-MM-DD. */
export type StatsRange = { from: string; to: string; preset: StatsPreset | null };

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

const DAY_MS = 86_400_000;
const ISO_DAY = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/** Today on the institution's calendar: statistics days are Seoul days, wherever the server runs. */
export function siteToday(now: Date = new Date()): string {
  return formatIsoDate(now);
}

/** Days since 1970-01-01 for a valid YYYY-MM-DD, or null for "2023-02-30", "2023-13-01" and other non-dates. */
function dayNumber(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

const isoFromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function isIsoDay(value: string): boolean {
  return dayNumber(value) !== null;
}

/** `iso` moved by `days` calendar days (negative goes back). */
export function addDays(iso: string, days: number): string {
  const n = dayNumber(iso);
  if (n === null) throw new RangeError(`Not a date: ${iso}`);
  return isoFromDayNumber(n + days);
}

/** Number of days in an inclusive range. */
export function rangeDays(range: Pick<StatsRange, "from" | "to">): number {
  return (dayNumber(range.to) ?? 0) - (dayNumber(range.from) ?? 0) + 1;
}

/** A preset as concrete days ending today ("7d" is today and the six days before it). */
export function presetRange(preset: StatsPreset, today: string): StatsRange {
  const from = preset === "ytd" ? `${today.slice(0, 4)}-01-01` : addDays(today, -(Number.parseInt(preset, 10) - 1));
  return { from, to: today, preset };
}

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

/** The same calendar day `years` earlier; 29 February becomes 1 March in a common year. */
function yearsBefore(iso: string, years: number): string {
  const year = String(Number(iso.slice(0, 4)) - years);
  const sameDay = `${year}${iso.slice(4)}`;
  return isIsoDay(sameDay) ? sameDay : `${year}-03-01`;
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

/** The range as query parameters, for links and exports that keep it. */
export function statsRangeParams(range: StatsRange): Record<string, string> {
  return range.preset ? { preset: range.preset } : { from: range.from, to: range.to };
}

export function statsRangeQuery(range: StatsRange, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...statsRangeParams(range), ...extra }).toString();
}
