// The statistics period: the institution's calendar days (Asia/Seoul), the
// preset periods, and the day arithmetic on YYYY-MM-DD strings behind them.
import { formatIsoDate } from "@/lib/format";

export const STATS_PRESETS = ["7d", "30d", "365d", "ytd"] as const;
export type StatsPreset = (typeof STATS_PRESETS)[number];
export const DEFAULT_STATS_PRESET: StatsPreset = "30d";

/** An inclusive range of the institution's calendar days (Asia/Seoul), as YYYY-MM-DD. */
export type StatsRange = { from: string; to: string; preset: StatsPreset | null };

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

/** The same calendar day `years` earlier; 29 February becomes 1 March in a common year. */
export function yearsBefore(iso: string, years: number): string {
  const year = String(Number(iso.slice(0, 4)) - years);
  const sameDay = `${year}${iso.slice(4)}`;
  return isIsoDay(sameDay) ? sameDay : `${year}-03-01`;
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

/** The range as query parameters, for links and exports that keep it. */
export function statsRangeParams(range: StatsRange): Record<string, string> {
  return range.preset ? { preset: range.preset } : { from: range.from, to: range.to };
}

export function statsRangeQuery(range: StatsRange, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...statsRangeParams(range), ...extra }).toString();
}
