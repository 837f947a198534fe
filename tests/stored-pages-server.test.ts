// The server's use of papers' stored pages (server/stored-pages.ts), on a real
// database, in front of an HTTP origin that answers as Next.js does for a
// paper's page: shareable, with the hit figure and the epoch the page was
// rendered at. With the real Next.js behind it: e2e/hits.spec.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { routeOf } from "@/lib/edge/routes";
import { createDatabase } from "./support/databases";
import { httpGet } from "./support/http-get";

const fresh = await createDatabase("perspectives_stored_pages_server");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const {
  dropPagesLinkingToPapersGoneLive,
  lastPaperId,
  listMissingStoredPages,
  readStoredPage,
  renderEpoch,
  storeAheadAlone,
  writeStoredPage,
} = await import("@/lib/data/stored-pages");
const { createPublication, createSeries } = await import("./support/factories");
const { CACHE_STATUS_HEADER, createPageCache } = await import("@/server/page-cache");
const { createStoredPages } = await import("@/server/stored-pages");
type StoredPages = ReturnType<typeof createStoredPages>;

let origin: Server;
let front: Server;
let base: string;
let renders: string[] = [];
/** Whether the origin's pages carry the epoch they were rendered at (a page rendered just after a change does not). */
let marked = true;
let readersWaiting = false;
let startPrerendering: () => () => void;
/** Another instance's store on the same database, with a page copy of its own. */
let anotherInstance: () => StoredPages;
let stopPrerendering: () => void = () => undefined;

/** A paper's page as Next.js renders it: the hit figure of the moment and the epoch, read first. */
async function render(path: string): Promise<string> {
  const epoch = await renderEpoch();
  const id = Number(path.split("/").at(-1));
  const paper = await db.publication.findUniqueOrThrow({ where: { id } });
  const mark = marked && epoch !== null ? ` data-stored-epoch="${epoch}"` : "";
  return `<!DOCTYPE html><main id="main"${mark}><h1>${paper.title}</h1><dd data-testid="hits" data-hit-figure="">${paper.baseHits + paper.viewCount}</dd>${"x".repeat(20_000)}</main>`;
}

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => httpGet(`${base}${path}`, headers, method);

const stored = (id: number) => readStoredPage({ publicationId: id, locale: "en" }, "build-1");

describe("the server's stored pages", () => {
  let seriesId: number;

  beforeAll(async () => {
    seriesId = (await createSeries()).id;
    // Long ago, as far as the series and settings are concerned: pages rendered now carry the epoch.
    await db.$executeRaw`UPDATE "StoredPageEpoch" SET "siteChangedAt" = now() - interval '1 minute'`;
    origin = createServer((req, res) => {
      renders.push(req.url ?? "");
      void render((req.url ?? "/").split("?")[0]!).then((html) => {
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "s-maxage=5, stale-while-revalidate=31535995",
          etag: '"next-etag"',
          vary: "rsc, next-router-state-tree",
          "x-nextjs-cache": "HIT",
        });
        res.end(html);
      });
    });
    await new Promise<void>((r) => origin.listen(0, "127.0.0.1", r));
    anotherInstance = () =>
      createStoredPages({
        side: {
          read: readStoredPage,
          write: writeStoredPage,
          missing: listMissingStoredPages,
          storeAheadAlone,
          lastPaperId,
          dropGoneLive: dropPagesLinkingToPapersGoneLive,
          configuration: "test",
        },
        copies: createPageCache({
          origin: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`,
          maxBytes: 8 * 1024 * 1024,
        }),
        renderedBy: "build-1",
      });
    const pages = anotherInstance();
    // The server's order (server/main.ts), less counting: the store, then "Next" (the origin).
    front = createServer((req, res) => {
      const route = routeOf(req.method ?? "GET", req.url ?? "/");
      void pages.serve(req, res, route).then((answered) => {
        if (answered) return;
        pages.keepAfter(req, res, route);
        void render((req.url ?? "/").split("?")[0]!).then((html) => {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", [CACHE_STATUS_HEADER]: "miss" });
          res.end(html);
        });
      });
    });
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    startPrerendering = () => pages.startPrerendering(() => readersWaiting, { firstPassAfterMs: 100 });
  });

  afterAll(async () => {
    stopPrerendering();
    await new Promise((r) => front.close(r));
    await new Promise((r) => origin.close(r));
    await endPools();
    await fresh.drop();
  });

  it("stores a page once it has been answered, and answers it from the store with the hit figure of now", async () => {
    const paper = await createPublication({ seriesId, baseHits: 1_000 });
    const path = `/en/publications/${paper.id}`;
    expect((await get(path)).headers[CACHE_STATUS_HEADER]).toBe("miss");
    await vi.waitFor(async () => expect(await stored(paper.id)).not.toBeNull(), { timeout: 5000, interval: 50 });

    await db.publication.update({ where: { id: paper.id }, data: { viewCount: 234 } });
    renders = [];
    const answer = await get(`${path}?utm_source=newsletter`);

    expect(answer.headers[CACHE_STATUS_HEADER]).toBe("stored");
    expect(answer.body.toString()).toContain(`data-hit-figure="">1,234</dd>`);
    expect(renders).toEqual([]);
    // Its ETag was made for the old figure; the answer may be compressed.
    expect(answer.headers.etag).toBeUndefined();
    expect(answer.headers["x-nextjs-cache"]).toBeUndefined();
    expect(answer.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(answer.headers["cache-control"]).toBe("s-maxage=5, stale-while-revalidate=31535995");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);

    const gzip = await get(path, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(answer.body)).toBe(true);
    const head = await get(path, {}, "HEAD");
    expect(head.headers[CACHE_STATUS_HEADER]).toBe("stored");
    expect(head.body.length).toBe(0);
  });

  it("does not store a page rendered without the epoch (just after a change to the site)", async () => {
    marked = false;
    try {
      const paper = await createPublication({ seriesId });
      await get(`/en/publications/${paper.id}`);
      await new Promise((r) => setTimeout(r, 300));
      expect(await stored(paper.id)).toBeNull();
      expect((await get(`/en/publications/${paper.id}`)).headers[CACHE_STATUS_HEADER]).toBe("miss");
    } finally {
      marked = true;
    }
  });

  it("stores papers nobody has asked for, but only while no reader is being answered", async () => {
    readersWaiting = true;
    const paper = await createPublication({ seriesId });
    stopPrerendering = startPrerendering();
    // A server answering readers stores nothing ahead.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stored(paper.id)).toBeNull();

    readersWaiting = false;
    await vi.waitFor(async () => expect(await stored(paper.id)).not.toBeNull(), { timeout: 5000, interval: 100 });
    expect((await get(`/en/publications/${paper.id}`)).headers[CACHE_STATUS_HEADER]).toBe("stored");
  });

  it("drops, on a timer of its own, a stored page that links to a scheduled paper once its time has come", async () => {
    stopPrerendering();
    const series = (await createSeries()).id;
    // A new series is a change to the site: back-dated, as in beforeAll, so pages rendered now are stored.
    await db.$executeRaw`UPDATE "StoredPageEpoch" SET "siteChangedAt" = now() - interval '1 minute'`;
    const before = await createPublication({ seriesId: series, publishedAt: new Date(Date.now() - 86_400_000) });
    // Its time comes once the page below is rendered without it: 1.5 s was too short on a loaded
    // machine, whose page then already linked to the paper and rightly stayed.
    const liveAt = Date.now() + 6_000;
    await createPublication({ seriesId: series, status: "scheduled", publishedAt: new Date(liveAt) });
    await get(`/en/publications/${before.id}`);
    await vi.waitFor(async () => expect(await stored(before.id)).not.toBeNull(), { timeout: 5000, interval: 50 });
    expect(Date.now(), "the page was rendered and stored before the paper's time came").toBeLessThan(liveAt);

    // Readers keep every pass waiting: only the timer can drop the page, which now lacks its "next" link.
    const stop = anotherInstance().startPrerendering(() => true, { firstPassAfterMs: 0, goneLiveEveryMs: 200 });
    try {
      await vi.waitFor(async () => expect(await stored(before.id)).toBeNull(), { timeout: 15_000, interval: 100 });
    } finally {
      stop();
      // Their pages are missing now: gone, they leave later passes (and the next test's count) alone.
      await db.publication.deleteMany({ where: { seriesId: series } });
    }
  });

  it("two instances storing ahead start at different papers, and store each page once between them", async () => {
    stopPrerendering();
    readersWaiting = false;
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await createPublication({ seriesId })).id);
    renders = [];
    // One from the first paper, one from the middle of the new ones (as random starting points would be).
    const stops = [
      anotherInstance().startPrerendering(() => false, { firstPassAfterMs: 0, startAt: () => 0 }),
      anotherInstance().startPrerendering(() => false, { firstPassAfterMs: 0, startAt: () => ids[5]! }),
    ];
    try {
      await vi.waitFor(async () => expect((await Promise.all(ids.map(stored))).every(Boolean)).toBe(true), {
        timeout: 10_000,
        interval: 100,
      });
    } finally {
      for (const stop of stops) stop();
    }
    const ofThese = renders.map((url) => Number(url.split("/").at(-1))).filter((id) => ids.includes(id));
    // Where one reaches pages the other is rendering, it passes them by: each page is rendered once.
    expect(ofThese.toSorted((a, b) => a - b)).toEqual(ids);
  });
});
