import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appSide, attachServer } from "@/lib/edge/bridge";
import { routeOf } from "@/lib/edge/routes";
import { installCounter } from "@/lib/stats/install-counter";
import { flushUsageEvents } from "@/lib/stats/record";
import { visitorHash } from "@/lib/stats/visitor";
import type { TrustProxy } from "@/lib/security/trust-proxy";
import { createForwarding } from "@/server/forwarded";
import { countPageView } from "@/server/page-views";
import { routeRequest } from "@/server/routing";
import { createPublication, createSeries } from "./support/factories";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("which requests are publication page views", () => {
  it.each([
    ["/en/publications/12", 12],
    ["/ko/publications/12", 12],
    ["/en/publications/12?_rsc=1x2y", 12],
    ["/en/publications/12?utm_source=newsletter", 12],
    ["/en/publications/%31%32", 12], // the page reads its id decoded, so this is paper 12's page
  ])("%s is a view of %i", (url, id) => {
    expect(routeOf("GET", url)).toEqual({ kind: "publication", publicationId: id, locale: url.slice(1, 3) });
  });

  it.each([
    "/en/publications",
    "/en/publications/12/", // redirected by Next.js; the request it redirects to is the view
    "/en/publications/12/files/3",
    "/en/publications/012",
    "/en/publications/0",
    "/en/publications/12abc",
    "/fr/publications/12",
    "/publications/12",
    "/en/publications/12345678901",
    "/en/publications/view/abc",
  ])("%s is not", (url) => {
    expect(routeOf("GET", url).kind).not.toBe("publication");
  });
});

describe("counting views as requests reach the server", () => {
  let servers: Server[] = [];
  let base: string;
  let behindOneProxy: string;

  // The server's wiring, as in server/main.ts, minus Next.js: decide the client, count, then answer.
  async function serve(trust: TrustProxy) {
    const forwarding = createForwarding({ trust, appUrl: "https://perspectives.example.org" });
    const server = createServer((req, res) => {
      forwarding(req);
      countPageView(appSide()!, req, routeRequest(req));
      res.end("ok");
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    attachServer({ forgetPage: () => undefined, forgetCatalogue: () => undefined });
    installCounter();
    base = await serve(false);
    behindOneProxy = await serve(1);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    servers = [];
  });

  async function paper() {
    const series = await createSeries();
    return createPublication({ seriesId: series.id, status: "published" });
  }

  async function views(id: number) {
    await flushUsageEvents();
    return db.usageEvent.findMany({ where: { publicationId: id, kind: "view" }, select: { visitorHash: true } });
  }

  it("records a person's view, identified by the socket's address when no proxy names one", async () => {
    const p = await paper();
    await fetch(`${base}/en/publications/${p.id}`, { headers: { "user-agent": CHROME } });
    expect(await views(p.id)).toEqual([{ visitorHash: visitorHash(env().AUTH_SECRET, "127.0.0.1", CHROME) }]);
  });

  it("ignores a client's own X-Forwarded-For when no proxy is trusted", async () => {
    const p = await paper();
    for (const spoofed of ["198.51.100.7", "198.51.100.8", "203.0.113.1, 203.0.113.2"]) {
      await fetch(`${base}/en/publications/${p.id}`, { headers: { "user-agent": CHROME, "x-forwarded-for": spoofed } });
    }
    const socket = { visitorHash: visitorHash(env().AUTH_SECRET, "127.0.0.1", CHROME) };
    expect(await views(p.id)).toEqual([socket, socket, socket]);
  });

  it("takes the address a trusted proxy (TRUST_PROXY=1) appended to X-Forwarded-For", async () => {
    const p = await paper();
    await fetch(`${behindOneProxy}/ko/publications/${p.id}?_rsc=abc`, {
      headers: { "user-agent": CHROME, "x-forwarded-for": "198.51.100.7, 203.0.113.9" },
    });
    expect(await views(p.id)).toEqual([{ visitorHash: visitorHash(env().AUTH_SECRET, "203.0.113.9", CHROME) }]);
  });

  it("records nothing for robots, prefetches, HEAD, signed-in staff or other paths", async () => {
    const p = await paper();
    const page = `${base}/en/publications/${p.id}`;
    await fetch(page, { headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" } });
    await fetch(page, { headers: { "user-agent": CHROME, "next-router-prefetch": "1" } });
    await fetch(page, { headers: { "user-agent": CHROME, "sec-purpose": "prefetch" } });
    await fetch(page, { method: "HEAD", headers: { "user-agent": CHROME } });
    await fetch(page, { headers: { "user-agent": CHROME, cookie: "theme=dark; authjs.session-token=abc" } });
    await fetch(`${page}/`, { headers: { "user-agent": CHROME } });
    await fetch(`${page}/files/1`, { headers: { "user-agent": CHROME } });
    expect(await views(p.id)).toEqual([]);
    // The same page by a person still counts: the checks above were not vacuous.
    await fetch(page, { headers: { "user-agent": CHROME, cookie: "theme=dark" } });
    expect(await views(p.id)).toHaveLength(1);
  });
});
