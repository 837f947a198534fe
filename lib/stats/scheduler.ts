import "server-only";
import { env } from "@/lib/env";
import { foldUsageEvents, purgeUsageEvents } from "./fold";

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the folding job every few seconds and the purge hourly in this
 * instance. Every instance runs it; advisory locks make one of them do the work.
 */
export function startStatsScheduler() {
  const g = globalThis as { statsScheduler?: true };
  if (g.statsScheduler) return;
  g.statsScheduler = true;
  const { STATS_FOLD_INTERVAL_SECONDS, STATS_RETENTION_DAYS } = env();
  const fold = setInterval(() => {
    foldUsageEvents().catch((e: unknown) => console.error("[stats] folding usage events failed:", e));
  }, STATS_FOLD_INTERVAL_SECONDS * 1000);
  const purge = setInterval(() => {
    purgeUsageEvents(STATS_RETENTION_DAYS).catch((e: unknown) => console.error("[stats] purging usage events failed:", e));
  }, PURGE_EVERY_MS);
  fold.unref();
  purge.unref();
}
