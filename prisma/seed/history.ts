// The demo's usage history: plausible daily views and downloads of each edition
// over the days before the seed ran, as the daily totals the statistics
// dashboard reads. Every figure comes from a generator seeded by the edition and
// the day, so any two seeds (and tests) get the same numbers for the same day.
import { formatIsoDate } from "@/lib/format";
import { addDays, rangeDays } from "@/lib/stats/period";
import type { PlannedEdition } from "./editions";

/** How many Seoul days of history the seed writes, ending the day before it runs. */
export const HISTORY_DAYS = 180;

export type HistoryDay = { day: string; views: number; downloads: number };

/** FNV-1a: a stable 32-bit number from text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What makes one edition read more or less than another, fixed per edition. */
function traitsOf(plan: PlannedEdition) {
  const random = generator(hash(plan.key));
  const popularity = 0.6 + random(); // 0.6–1.6
  const hot = random() < 0.1; // a few papers everybody talks about
  const downloadShare = plan.file ? 0.08 + 0.14 * random() : 0; // of views; nothing to download without a file
  return { weight: popularity * (hot ? 4 : 1) * (plan.language === "ko" ? 1 : 0.7), downloadShare };
}

/**
 * The edition's views and downloads per day over the HISTORY_DAYS days before
 * `today` (YYYY-MM-DD, Seoul), from its publication day on; days without use
 * are left out, as folding leaves them out. A draft has no history.
 */
export function editionHistory(plan: PlannedEdition, today: string): HistoryDay[] {
  if (!plan.publishedAt) return [];
  const published = formatIsoDate(plan.publishedAt);
  const { weight, downloadShare } = traitsOf(plan);
  const days: HistoryDay[] = [];
  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    if (day < published) continue;
    const random = generator(hash(`${plan.key} ${day}`));
    const age = rangeDays({ from: published, to: day }) - 1;
    // A launch that fades over a few weeks, then a steady trickle of readers.
    const attention = 1.5 + 30 * Math.exp(-age / 20);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.4 : 1;
    const expected = attention * weight * weekend * (0.75 + 0.5 * random());
    // Rounded up with the fraction's probability, so a trickle of 0.3 a day still shows now and then.
    const views = Math.floor(expected + random());
    let downloads = 0;
    for (let i = 0; i < views; i++) if (random() < downloadShare) downloads++;
    if (views > 0) days.push({ day, views, downloads });
  }
  return days;
}
