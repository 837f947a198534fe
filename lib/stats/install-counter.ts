import "server-only";
import { countView } from "./count-request";
import { installPageViewCounter } from "./page-view-hook";
import { flushUsageEvents } from "./record";

/** Hands the server (server/main.ts) this bundle's view counter. */
export function installCounter() {
  installPageViewCounter({
    countView,
    flush: flushUsageEvents,
  });
}
