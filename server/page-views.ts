import type { IncomingMessage } from "node:http";
import { cookieNames } from "@/lib/http/cookies";
import { pageViewCounter, type CountableRequest } from "@/lib/stats/page-view-hook";

// A publication page, exactly as readers and links address it; the query
// (e.g. `_rsc` for in-app navigation) does not matter. proxy.ts's matcher
// leaves these paths out, so keep the two in step.
const PUBLICATION_PAGE = /^\/(?:ko|en)\/publications\/([1-9]\d{0,9})(?:\?|$)/;

/** The publication id when a request asks for a publication page, else null. */
export function publicationPageId(url: string | undefined): number | null {
  const id = url ? PUBLICATION_PAGE.exec(url)?.[1] : undefined;
  return id ? Number(id) : null;
}

/** The request as the counting rules read it, without copying its headers. */
function countable(req: IncomingMessage): CountableRequest {
  const headers = {
    get(name: string): string | null {
      // The client's address is read from the header the edge set (server/forwarded.ts).
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    has(name: string): boolean {
      return req.headers[name.toLowerCase()] !== undefined;
    },
  };
  return { method: req.method ?? "GET", headers, cookieNames: cookieNames(headers) };
}

let warned = false;

/**
 * Counts a request for a publication page as it arrives, before Next.js serves
 * it (from cache or not). Whether it is a person's view is the counter's call.
 */
export function countPageView(req: IncomingMessage) {
  const id = publicationPageId(req.url);
  if (id === null) return;
  const counter = pageViewCounter();
  if (counter) return counter.countView(countable(req), id);
  if (!warned) console.error("[stats] the view counter is not installed yet: instrumentation.ts has not run");
  warned = true;
}
