import "server-only";
import { countView } from "./count-request";
import { installPageViewCounter } from "./page-view-hook";
import { closeUsageEvents, recoverUsageEvents } from "./record";

/** Hands the server (server/main.ts) this bundle's view counter, and writes what a previous run kept for the database. */
export function installCounter() {
  installPageViewCounter({
    countView,
    flush: closeUsageEvents,
  });
  void recoverUsageEvents();
}
