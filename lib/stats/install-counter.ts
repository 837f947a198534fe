import "server-only";
import { attachApp, hasPortalServer } from "@/lib/edge/bridge";
import { countUse } from "./count-request";
import { closeUsageEvents, recoverUsageEvents } from "./record";

/**
 * Hands the portal's server (server/main.ts) this app's door into counting,
 * and writes what a previous run kept for the database. Under plain
 * `next start` no server counts page views: said here, at start, in one line
 * (and on the statistics page), rather than found out from empty figures.
 */
export function installCounter() {
  attachApp({ count: countUse, flush: closeUsageEvents });
  if (!hasPortalServer()) {
    console.warn(
      "[stats] Page views are not counted: this app was started without the portal's server (use `npm start`, not `next start`). Downloads are still counted.",
    );
  }
  void recoverUsageEvents();
}
