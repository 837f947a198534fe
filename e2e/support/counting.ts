// Waiting for the portal's own counting job (lib/stats/scheduler.ts), which
// folds written view and download events into the figures every
// STATS_FOLD_INTERVAL_SECONDS.
import { expect } from "@playwright/test";
import { parseEnv } from "@/lib/env";
import { usageEvents } from "./db";
import { portalEnv } from "./portal-env";

// A few of the job's rounds: an event written just after one round is folded in the next.
const FOLDED_WITHIN_MS = parseEnv(portalEnv()).STATS_FOLD_INTERVAL_SECONDS * 1000 * 4;

/** Waits until exactly `written` events of the paper are written and every one is folded into its figures. */
export async function foldedEvents(id: number, written: number) {
  await expect
    .poll(() => usageEvents(id), { message: `${written} events of paper ${id}, all folded`, timeout: FOLDED_WITHIN_MS })
    .toEqual({ written, unfolded: 0 });
}
