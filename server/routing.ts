import type { IncomingMessage } from "node:http";
import { LISTING_KEY_HEADER, ROUTE_HEADER, routeHeaders, routeOf, type Route } from "@/lib/edge/routes";

/**
 * Routes a request by the edge's table (lib/edge/routes.ts) and writes the
 * decision into the headers proxy.ts's matcher and next.config.ts's rewrite
 * read. A client's own copies are dropped first: only the server decides.
 * `cacheSearch` says whether a search's page is to be kept in Next's cache
 * (server/search-admission.ts); other listings always are.
 */
export function routeRequest(req: IncomingMessage, cacheSearch: (key: string) => boolean = () => true): Route {
  delete req.headers[ROUTE_HEADER];
  delete req.headers[LISTING_KEY_HEADER];
  const route = routeOf(req.method ?? "GET", req.url ?? "/");
  const cached = route.kind !== "catalogue" || !route.search || cacheSearch(route.key);
  Object.assign(req.headers, routeHeaders(route, { cached }));
  return route;
}
