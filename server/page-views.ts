import type { IncomingMessage } from "node:http";
import type { AppSide } from "@/lib/edge/bridge";
import type { Route } from "@/lib/edge/routes";
import { countableRequest } from "@/lib/stats/counting-rules";

/** The request's headers as the counting rules read them, without copying them. */
function headersOf(req: IncomingMessage): Pick<Headers, "get" | "has"> {
  return {
    get(name: string): string | null {
      // The client's address is read from the header the edge set (server/forwarded.ts).
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    has(name: string): boolean {
      return req.headers[name.toLowerCase()] !== undefined;
    },
  };
}

/**
 * Counts a request for a publication page as it arrives, before Next.js
 * serves it (from its cache, from the server's copy, or rendered): every
 * reader's view, whichever answers it. Whether it is a person's view is the
 * app's call (lib/stats/count-request.ts).
 */
export function countPageView(app: AppSide, req: IncomingMessage, route: Route) {
  if (route.kind !== "publication") return;
  app.count(countableRequest(req.method ?? "GET", headersOf(req)), { kind: "view", publicationId: route.publicationId });
}
