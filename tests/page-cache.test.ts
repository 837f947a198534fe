// The server's page cache (server/page-cache.ts) in front of a real HTTP
// origin that answers as Next.js does for publication pages (s-maxage, ETag,
// Vary). With the real Next.js server behind it: e2e/editor.spec.ts (an
// editor's change shows at once) and e2e/hits.spec.ts (views from the copy count).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { routeOf } from "@/lib/edge/routes";
import { CACHE_STATUS_HEADER, createPageCache, type PageCache } from "@/server/page-cache";
import { httpGet, type Answer } from "./support/http-get";

// What the origin answers, by path (without query); anything else is a shareable page.
const ANSWERS: Record<string, { status?: number; headers?: Record<string, string> }> = {
  "/en/publications/2": { headers: { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } },
  "/en/publications/3": { headers: { "set-cookie": "session=abc" } },
  "/en/publications/4": { status: 404 },
  "/en/publications/5": { headers: { "cache-control": "s-maxage=1, stale-while-revalidate=31535995" } },
};

let origin: Server;
let base: string;
let cache: PageCache;
let originCalls: string[] = [];
let version = 1;
// Holds the origin's answers to calls after the first `from` until released.
let hold: { from: number; until: Promise<void> } | null = null;
// Stands in for what the server answers itself (stored pages, written listings): offers its page to the cache.
let selfAnswer: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;

/** A page as Next.js renders it: React's script, and its component data repeating the page. */
const REACT_PARTS = [
  `<script src="/_next/static/chunks/main.js" async=""></script>`,
  `<script>self.__next_f.push([1,"the page again, as data"])</script>`,
] as const;
const pageAt = (url: string, v: number, { react = true } = {}) =>
  `<!DOCTYPE html><html><head>${react ? REACT_PARTS[0] : ""}</head><body>${url} v${v} ${"x".repeat(30_000)}${react ? REACT_PARTS[1] : ""}</body></html>`;

function originAnswer(req: IncomingMessage, res: ServerResponse) {
  originCalls.push(`${req.method} ${req.url}`);
  const url = req.url ?? "/";
  const answer = ANSWERS[url.split("?")[0] ?? ""] ?? {};
  const body = pageAt(url, version);
  const send = () => {
    res.writeHead(answer.status ?? 200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "s-maxage=5, stale-while-revalidate=31535995",
      etag: `"${url.length}-${version}"`,
      vary: "rsc, next-router-state-tree, next-router-prefetch, Accept-Encoding",
      "x-nextjs-cache": "HIT",
      ...answer.headers,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  if (hold && originCalls.length > hold.from) void hold.until.then(send);
  else send();
}

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => httpGet(`${base}${path}`, headers, method);

/** Requests the page until the cache answers it; returns that answer. */
async function warm(path: string): Promise<Answer> {
  return vi.waitFor(
    async () => {
      const answer = await get(path);
      expect(answer.headers[CACHE_STATUS_HEADER]).toBe("hit");
      return answer;
    },
    { timeout: 3000, interval: 20 },
  );
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    if (cache.isRefill(req)) return originAnswer(req, res);
    if (cache.serve(req, res, routeOf(req.method ?? "GET", req.url ?? "/"))) return;
    if (selfAnswer) void selfAnswer(req, res);
    else originAnswer(req, res);
  });
  await new Promise<void>((r) => origin.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((r) => origin.close(r)));

beforeEach(() => {
  cache = createPageCache({ origin: base, maxBytes: 8 * 1024 * 1024 });
  originCalls = [];
  version = 1;
  hold = null;
  selfAnswer = null;
});

describe("the page cache", () => {
  it("answers a page Next.js marked shareable from memory, with Next's headers and its body without React", async () => {
    const first = await get("/en/publications/1");
    expect(first.headers[CACHE_STATUS_HEADER]).toBe("miss");
    const hit = await warm("/en/publications/1");
    originCalls = [];
    const again = await get("/en/publications/1");

    expect(originCalls).toEqual([]);
    expect(again.headers[CACHE_STATUS_HEADER]).toBe("hit");
    // The copy is the page without React's script and component data; the rest is Next's, byte for byte.
    expect(first.body.toString()).toBe(pageAt("/en/publications/1", 1));
    expect(again.body.toString()).toBe(pageAt("/en/publications/1", 1, { react: false }));
    expect(hit.body.equals(again.body)).toBe(true);
    for (const name of ["content-type", "cache-control", "vary", "x-nextjs-cache"]) {
      expect(again.headers[name], name).toBe(first.headers[name]);
    }
    // Its validator names the copy, not the page Next rendered.
    expect(again.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(again.headers.etag).not.toBe(first.headers.etag);
    expect(again.headers["content-length"]).toBe(String(again.body.length));
  });

  it("copies a page only once it is asked for a second time", async () => {
    const once = await get("/en/publications/6");
    // Long enough for a refill to have been sent, had one been started.
    await new Promise((r) => setTimeout(r, 200));
    expect(once.headers[CACHE_STATUS_HEADER]).toBe("miss");
    expect(originCalls).toEqual(["GET /en/publications/6"]);

    const twice = await get("/en/publications/6");
    expect(twice.headers[CACHE_STATUS_HEADER]).toBe("miss");
    await vi.waitFor(() => expect(originCalls).toHaveLength(3), { timeout: 3000, interval: 20 });
    expect((await get("/en/publications/6")).headers[CACHE_STATUS_HEADER]).toBe("hit");
    expect(originCalls).toHaveLength(3);
  });

  it("sends the copy compressed to clients that accept gzip, and plain to those that refuse it", async () => {
    const plain = await warm("/en/publications/1");
    const gzip = await get("/en/publications/1", { "accept-encoding": "gzip, deflate, br" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(Number(gzip.headers["content-length"])).toBe(gzip.body.length);

    const refused = await get("/en/publications/1", { "accept-encoding": "gzip;q=0, identity" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.equals(plain.body)).toBe(true);
  });

  it("answers HEAD without a body and a matching If-None-Match with 304", async () => {
    const page = await warm("/en/publications/1");
    const head = await get("/en/publications/1", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(page.body.length));
    expect(head.body.length).toBe(0);

    const etag = String(page.headers.etag);
    const notModified = await get("/en/publications/1", { "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.body.length).toBe(0);
    expect((await get("/en/publications/1", { "if-none-match": '"other"' })).status).toBe(200);
    expect(originCalls.filter((c) => c.startsWith("HEAD"))).toEqual([]);
  });

  it.each([
    ["in-app navigation (RSC header)", "/en/publications/1", { rsc: "1" }],
    ["an RSC payload by query", "/en/publications/1?_rsc=abc", {}],
    ["a prefetch", "/en/publications/1", { "next-router-prefetch": "1" }],
    ["a byte range", "/en/publications/1", { range: "bytes=0-10" }],
    ["draft mode", "/en/publications/1", { cookie: "a=b; __prerender_bypass=xyz" }],
    ["on-demand revalidation", "/en/publications/1", { "x-prerender-revalidate": "secret" }],
  ])("leaves %s to Next.js", async (_what, path, headers) => {
    await warm("/en/publications/1");
    originCalls = [];
    const answer = await get(path, headers);
    expect(answer.headers[CACHE_STATUS_HEADER]).toBeUndefined();
    expect(originCalls).toEqual([`GET ${path}`]);
  });

  it("leaves other paths and methods to Next.js", async () => {
    await warm("/en/publications/1");
    originCalls = [];
    await get("/en/publications/1", {}, "POST");
    await get("/en/publications");
    await get("/en/publications/1/files/2");
    expect(originCalls).toEqual(["POST /en/publications/1", "GET /en/publications", "GET /en/publications/1/files/2"]);
  });

  it.each([
    ["a page Next.js keeps private", "/en/publications/2"],
    ["a page that sets a cookie", "/en/publications/3"],
    ["a missing page (404)", "/en/publications/4"],
  ])("never keeps %s", async (_what, path) => {
    for (let i = 0; i < 5; i++) {
      const answer = await get(path);
      expect(answer.headers[CACHE_STATUS_HEADER]).toBe("miss");
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(originCalls.filter((c) => c === `GET ${path}`).length).toBeGreaterThanOrEqual(5);
  });

  it("keeps each query apart and lets a copy go after Next's own s-maxage", async () => {
    await warm("/en/publications/1?utm_source=newsletter");
    expect((await get("/en/publications/1?utm_source=other")).headers[CACHE_STATUS_HEADER]).toBe("miss");

    await warm("/en/publications/5");
    version = 2;
    await new Promise((r) => setTimeout(r, 1100));
    const after = await get("/en/publications/5");
    expect(after.headers[CACHE_STATUS_HEADER]).toBe("miss");
    expect(after.body.toString()).toContain("v2");
  });

  it("forgets a page, whatever its query, when an editor changes it", async () => {
    await warm("/en/publications/1");
    await warm("/en/publications/1?utm_source=newsletter");
    await warm("/en/publications/10");
    version = 2;
    cache.forget("/en/publications/1");

    const plain = await get("/en/publications/1");
    expect(plain.headers[CACHE_STATUS_HEADER]).toBe("miss");
    expect(plain.body.toString()).toContain("v2");
    expect((await get("/en/publications/1?utm_source=newsletter")).headers[CACHE_STATUS_HEADER]).toBe("miss");
    expect((await get("/en/publications/10")).headers[CACHE_STATUS_HEADER]).toBe("hit");
  });

  it("does not keep a copy fetched before the change it was told to forget", async () => {
    // The page's two requests are answered; the cache's refill that follows is
    // held until the editor has saved.
    let release = () => {};
    hold = { from: 2, until: new Promise<void>((r) => (release = r)) };
    await get("/en/publications/1");
    await get("/en/publications/1");
    await vi.waitFor(() => expect(originCalls.length).toBe(3));
    cache.forget("/en/publications/1");
    version = 2;
    release();
    hold = null;
    await new Promise((r) => setTimeout(r, 100));

    const next = await get("/en/publications/1");
    expect(next.headers[CACHE_STATUS_HEADER]).toBe("miss");
    expect(next.body.toString()).toContain("v2");
  });

  it("keeps a page the server answered itself from its second ask, but not one read before a change", async () => {
    const route = routeOf("GET", "/en/publications/1");
    const headers: [string, string][] = [
      ["content-type", "text/html; charset=utf-8"],
      ["cache-control", "s-maxage=5, stale-while-revalidate=31535995"],
    ];
    // The page is read (v1), then an editor's change is saved while it is being sent.
    let changeWhileAnswering = false;
    selfAnswer = async (req, res) => {
      const body = Buffer.from(pageAt(req.url ?? "/", version, { react: false }));
      await new Promise((r) => setTimeout(r, 10));
      if (changeWhileAnswering) {
        version = 2;
        cache.forget("/en/publications/1");
      }
      cache.offer(req, route, { headers, body });
      // As the stored pages answer: marked, so the cache does not refill it from Next as well.
      res.writeHead(200, [...headers.flat(), CACHE_STATUS_HEADER, "stored"]).end(body);
    };
    changeWhileAnswering = true;
    await get("/en/publications/1");
    await get("/en/publications/1");
    changeWhileAnswering = false;
    const afterChange = await get("/en/publications/1");
    expect(afterChange.headers[CACHE_STATUS_HEADER]).toBe("stored");
    expect(afterChange.body.toString()).toContain("v2");

    // Without a change in between, the same answer is kept from the second ask on.
    expect((await get("/en/publications/1")).headers[CACHE_STATUS_HEADER]).toBe("hit");
    expect(originCalls).toEqual([]);
  });

  it("ignores a refill marker a client made up", async () => {
    await warm("/en/publications/1");
    originCalls = [];
    const answer = await get("/en/publications/1", { "x-perspectives-page-refill": "guess" });
    expect(answer.headers[CACHE_STATUS_HEADER]).toBe("hit");
    expect(originCalls).toEqual([]);
  });

  it("stays within its memory by letting the least recently used page go", async () => {
    // Each page is about 30 KB plain and a little compressed: room for two.
    cache = createPageCache({ origin: base, maxBytes: 70 * 1024 });
    await warm("/en/publications/11");
    await warm("/en/publications/12");
    await warm("/en/publications/13");
    expect((await get("/en/publications/13")).headers[CACHE_STATUS_HEADER]).toBe("hit");
    // HEAD: a miss that starts no refill, so nothing is left running after the test.
    expect((await get("/en/publications/11", {}, "HEAD")).headers[CACHE_STATUS_HEADER]).toBe("miss");
  });
});
