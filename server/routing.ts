import type { IncomingMessage } from "node:http";
import { LISTING_KEY_HEADER, ROUTE_HEADER, routeHeaders, routeOf, type Route } from "@/lib/edge/routes";

/**
 * Routes a request by the edge's table (lib/edge/routes.ts) and writes the
 * decision into the headers proxy.ts's matcher and next.config.ts's rewrite
 * read. A client's own copies are dropped first: only the server decides.
 */
export function routeRequest(req: IncomingMessage): Route {
  delete req.headers[ROUTE_HEADER];
  delete req.headers[LISTING_KEY_HEADER];
  const route = routeOf(req.method ?? "GET", req.url ?? "/");
  Object.assign(req.headers, routeHeaders(route));
  return route;
}
