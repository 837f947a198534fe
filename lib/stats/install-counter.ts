import "server-only";
import { countView } from "./count-request";
import { installPageViewCounter } from "./page-view-hook";
import { flushUsageEvents } from "./record";

/** Hands the server (server/main.ts) this bundle's view counter. */
export function installCounter() {
  installPageViewCounter({
    countView(request, publicationId) {
      try {
        countView(request, publicationId);
      } catch (e) {
        console.error("[stats] recording a view failed:", e);
      }
    },
    flush: flushUsageEvents,
  });
}
