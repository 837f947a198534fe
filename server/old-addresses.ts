import type { IncomingMessage, ServerResponse } from "node:http";
import type { RedirectSide } from "@/lib/edge/bridge";
import { mayBeOldAddress, type Route } from "@/lib/edge/routes";

// Short: a link fixed or a rule removed is seen by browsers and caches within the hour.
const CACHE_CONTROL = "public, max-age=3600";

/**
 * Answers an old site's link (an imported paper's old URL, or a staff rule)
 * with 301 to its page on this site, built on APP_URL like every absolute
 * link. For a request that cannot be an old link (the portal's own paths,
 * which are most) it returns false at once, with no database lookup; otherwise
 * a promise of whether it answered. Not answered, the request goes on to
 * Next.js, which gives an unknown address its 404 as before, and so does a
 * failed lookup: an old link never turns into a 500.
 */
export function createOldAddressRedirects({ redirects, appUrl }: { redirects: RedirectSide | undefined; appUrl: string }) {
  return (req: IncomingMessage, res: ServerResponse, route: Route): false | Promise<boolean> => {
    const url = req.url ?? "/";
    if (!redirects || !mayBeOldAddress(req.method ?? "GET", url, route)) return false;
    return redirects.targetOf(url).then(
      (target) => {
        if (target === null) return false;
        res.writeHead(301, { Location: `${appUrl}${target}`, "Cache-Control": CACHE_CONTROL, "Content-Length": "0" });
        res.end();
        return true;
      },
      (e: unknown) => {
        // The error itself, so that server/database-outage.ts keeps an outage to one line.
        console.error("[server] old address lookup failed:", e);
        return false;
      },
    );
  };
}
