import "server-only";
import { noteDatabaseError } from "@/lib/db-outage";
import { env } from "@/lib/env";
import { purgeUsageEvents } from "@/lib/data/usage-events";
import { foldUsageEventsIfDue } from "@/lib/data/usage-fold";

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the folding job every few seconds and the purge hourly in this
 * instance. Every instance runs it; advisory locks make one of them do the
 * work, and the time of the last fold makes it run once per interval in all.
 */
export function startStatsScheduler() {
  const g = globalThis as { statsScheduler?: true };
  if (g.statsScheduler) return;
  g.statsScheduler = true;
  const { STATS_FOLD_INTERVAL_SECONDS, STATS_RETENTION_DAYS } = env();
  // A database that is away is said once (lib/db-outage.ts), not every few seconds with a stack.
  const report = (what: string) => (e: unknown) => void (noteDatabaseError(e) || console.error(`[stats] ${what} failed:`, e));
  const fold = setInterval(() => {
    foldUsageEventsIfDue(STATS_FOLD_INTERVAL_SECONDS).catch(report("folding usage events"));
  }, STATS_FOLD_INTERVAL_SECONDS * 1000);
  const purge = setInterval(() => {
    purgeUsageEvents(STATS_RETENTION_DAYS).catch(report("purging usage events"));
  }, PURGE_EVERY_MS);
  fold.unref();
  purge.unref();
}
