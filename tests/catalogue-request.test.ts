import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { parseListingKey } from "@/lib/validations/listing-key";
import { LISTING_KEY_HEADER, ROUTE_HEADER } from "@/lib/edge/routes";
import { routeRequest } from "@/server/routing";

function request(url: string, method = "GET", headers: Record<string, string> = {}) {
  return { url, method, headers: { ...headers } } as unknown as IncomingMessage;
}

function keyOf(req: IncomingMessage) {
  routeRequest(req);
  return req.headers[LISTING_KEY_HEADER] as string | undefined;
}

describe("naming a catalogue request's cached page", () => {
  it("gives a catalogue query its canonical key, the same for the same query in any order", () => {
    const a = keyOf(request("/en/publications?series=ifans-focus&q=energy&year=2024"));
    const b = keyOf(request("/en/publications?year=2024&q=energy&series=ifans-focus"));
    expect(a).toBeDefined();
    expect(a).toBe(b);
    expect(parseListingKey(a!)?.query).toEqual({ page: 1, q: "energy", series: "ifans-focus", year: 2024 });
    expect(keyOf(request("/ko/publications"))).toBeDefined();
  });

  it("keeps bad query values out of the key, as the page itself would", () => {
    expect(parseListingKey(keyOf(request("/en/publications?page=-3&year=abc"))!)?.query).toEqual({ page: 1 });
  });

  it("drops a key or route a client sent itself, and names nothing but catalogue GETs", () => {
    const spoofed = request("/en/publications/12", "GET", { [LISTING_KEY_HEADER]: "eyJ4Ijox" });
    expect(keyOf(spoofed)).toBeUndefined();
    const skipsProxy = request("/en/authors/3", "GET", { [ROUTE_HEADER]: "publication" });
    routeRequest(skipsProxy);
    expect(skipsProxy.headers[ROUTE_HEADER]).toBeUndefined();
    expect(keyOf(request("/en/publications", "POST"))).toBeUndefined();
    expect(keyOf(request("/en/publications/"))).toBeUndefined(); // redirected first; the redirect target gets its key
    expect(keyOf(request("/fr/publications"))).toBeUndefined();
    expect(keyOf(request("/en/publicationsx"))).toBeUndefined();
  });
});
