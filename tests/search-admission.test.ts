// Which searches get a page in Next's cache (server/search-admission.ts), and
// what the server tells Next for each (server/routing.ts).
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { LISTING_KEY_HEADER, ROUTE_HEADER } from "@/lib/edge/routes";
import { routeRequest } from "@/server/routing";
import { createSearchAdmission } from "@/server/search-admission";

function routed(url: string, cacheSearch: (key: string) => boolean) {
  const req = { method: "GET", url, headers: {} } as IncomingMessage;
  const route = routeRequest(req, cacheSearch);
  return { route: route.kind, key: req.headers[LISTING_KEY_HEADER], routedBy: req.headers[ROUTE_HEADER] };
}

describe("searches kept in Next's cache", () => {
  it("caches a search from its second ask on, and forgets the searches asked longest ago", () => {
    const admit = createSearchAdmission(3);
    expect(["a", "a", "a"].map(admit)).toEqual([false, true, true]);
    // b, c and d asked once each: the fourth distinct search pushes out a, asked longest ago.
    expect(["b", "c", "d"].map(admit)).toEqual([false, false, false]);
    expect(admit("a")).toBe(false);
    expect(admit("d")).toBe(true);
  });

  it("renders a search's first ask for itself, without a key, and names its cached page from the second", () => {
    const admit = createSearchAdmission();
    const first = routed("/en/publications?q=energy", admit);
    const second = routed("/en/publications?q=energy", admit);
    expect(first).toEqual({ route: "catalogue", key: undefined, routedBy: "catalogue" });
    expect(second.key).toMatch(/^[A-Za-z0-9_-]+$/);
    // Another way of writing the same search is the same one.
    expect(routed("/en/publications?q=energy&page=1", admit).key).toBe(second.key);
  });

  it("always caches a listing without words to find, even the first time", () => {
    const admit = createSearchAdmission();
    for (const url of ["/en/publications", "/en/publications?series=ifans&year=2024", "/en/publications?q=%20%20"])
      expect(routed(url, admit).key, url).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
