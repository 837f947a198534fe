// The listings the server writes itself (server/catalogue-pages.ts), on a real
// database, inside a page fetched from an HTTP origin that answers as Next.js
// does for the plain listing. That the page is the one Next.js renders for the
// same query, byte for byte: e2e/catalogue-pages.spec.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { routeOf } from "@/lib/edge/routes";
import type { CatalogueSide } from "@/lib/edge/bridge";
import { createDatabase } from "./support/databases";
import { httpGet } from "./support/http-get";

const fresh = await createDatabase("perspectives_catalogue_pages");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { endPools } = await import("@/lib/db");
const { loadCatalogue } = await import("@/lib/data/catalogue-page");
const { createPublication, createSeries } = await import("./support/factories");
const { CACHE_STATUS_HEADER, createPageCache } = await import("@/server/page-cache");
const { createCataloguePages } = await import("@/server/catalogue-pages");

/** What "Next" answers for the plain listing: its menus' version, and whether it has the results' place. */
let frame = { version: 1, shaped: true, status: 200 };
let framesFetched = 0;
/** Stands in for the app's reading: the real one unless a test breaks it. */
let load: CatalogueSide["load"] = loadCatalogue;

function plainListing(locale: string) {
  const results = frame.shaped ? '<div class="catalogue"><p>Next’s own results</p></div>' : "<p>No results here</p>";
  return (
    `<!DOCTYPE html><html lang="${locale}"><head><title>Publications</title>` +
    `<link rel="canonical" href="https://think.example/${locale}/publications"/>` +
    `<link rel="alternate" hrefLang="ko" href="https://think.example/ko/publications"/>` +
    `<link rel="alternate" hrefLang="en" href="https://think.example/en/publications"/>` +
    `<link rel="alternate" type="application/atom+xml" href="https://think.example/${locale}/feed.xml"/></head>` +
    `<body><header><a href="/${locale}/publications">Menu v${frame.version}</a></header>` +
    `<main id="main"><h1>Publications</h1>${results}</main><footer>Footer</footer></body></html>`
  );
}

let origin: Server;
let front: Server;
let base: string;
let pages: ReturnType<typeof createCataloguePages>;

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => httpGet(`${base}${path}`, headers, method);
const text = async (path: string, headers: Record<string, string> = {}) => (await get(path, headers)).body.toString("utf8");

describe("the listings the server writes itself", () => {
  let seriesSlug: string;
  let titles: string[];

  beforeAll(async () => {
    const series = await createSeries();
    seriesSlug = series.slug;
    titles = [];
    for (let i = 0; i < 3; i++)
      titles.push((await createPublication({ seriesId: series.id, title: `Listed paper ${i} ${series.slug}` })).title);
    origin = createServer((req, res) => {
      framesFetched++;
      const locale = (req.url ?? "/en").split("/")[1]!;
      res.writeHead(frame.status, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "s-maxage=10, stale-while-revalidate=31535990",
        etag: '"next-etag"',
        "x-nextjs-cache": "HIT",
      });
      res.end(plainListing(locale));
    });
    await new Promise<void>((r) => origin.listen(0, "127.0.0.1", r));
    const copies = createPageCache({ origin: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`, maxBytes: 1 << 20 });
    pages = createCataloguePages({ side: { load: (...args) => load(...args) }, copies });
    // The server's order (server/main.ts): the page copy, the writer, then "Next", which answers 299 here.
    front = createServer((req, res) => {
      // Routed as a read whatever the method: the writer's own refusal of a HEAD is under test.
      const route = routeOf("GET", req.url ?? "/");
      if (route.kind !== "catalogue") return void res.writeHead(404).end();
      if (copies.serve(req, res, route)) return;
      void pages.serve(req, res, route).then((answered) => answered || void res.writeHead(299).end("Next"));
    });
    await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => front.close(r));
    await new Promise((r) => origin.close(r));
    await endPools();
    await fresh.drop();
  });

  it("writes the query's results from the database inside the page around them, with the query's own addresses in the head", async () => {
    const answer = await get(`/en/publications?series=${seriesSlug}`);
    expect(answer.status).toBe(200);
    const html = answer.body.toString("utf8");
    for (const title of titles) expect(html).toContain(title);
    expect(html).not.toContain("Next’s own results");
    // The page around the results, as "Next" sent it.
    expect(html).toContain("<h1>Publications</h1>");
    expect(html).toContain("Menu v");
    expect(html).toContain("<footer>Footer</footer>");
    // The results' own parts: the filters' form and the count.
    expect(html).toMatch(/<form class="search-form"[^>]* action="\/en\/publications"/);
    expect(html).toContain("3 publications");
    // The head's addresses are the query's; the feed's and the menu's are not touched.
    const query = `?series=${seriesSlug}`;
    expect(html).toContain(`<link rel="canonical" href="https://think.example/en/publications${query}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="ko" href="https://think.example/ko/publications${query}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="en" href="https://think.example/en/publications${query}"/>`);
    expect(html).toContain('href="https://think.example/en/feed.xml"');
    expect(html).toContain('<a href="/en/publications">Menu');
    // Its own validator and length; "Next"'s cache verdict is not passed on.
    expect(answer.headers.etag).not.toBe('"next-etag"');
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(answer.headers["x-nextjs-cache"]).toBeUndefined();
    expect(answer.headers["x-perspectives-cache"]).toBe("written");
    expect(answer.headers["cache-control"]).toBe("s-maxage=10, stale-while-revalidate=31535990");
  });

  it("writes a query's addresses escaped, Korean menus in Korean, gzipped where accepted, and a 304 where the reader has it", async () => {
    const answer = await get(`/ko/publications?series=${seriesSlug}&year=2024`, { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    const html = gunzipSync(answer.body).toString("utf8");
    expect(html).toContain(`href="https://think.example/ko/publications?series=${seriesSlug}&amp;year=2024"`);
    expect(html).toContain("검색");
    expect(html).toContain(titles[0]);
    const again = await get(`/ko/publications?series=${seriesSlug}&year=2024`, {
      "accept-encoding": "gzip",
      "if-none-match": String(answer.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("shows a new paper nobody announced (another instance's import) within the page copy's seconds", async () => {
    const series = await createSeries();
    const path = `/en/publications?series=${series.slug}`;
    expect(await text(path)).toContain("No publications");
    // Asked again: now kept in the page copy, for two seconds.
    expect(await text(path)).toContain("No publications");
    const paper = await createPublication({ seriesId: series.id });
    await vi.waitFor(async () => expect(await text(path)).toContain(paper.title), { timeout: 5_000, interval: 200 });
  });

  it("keeps the page around the results for a few seconds, and drops it at once when an editor's change says so", async () => {
    frame = { ...frame, version: 7 };
    pages.forget();
    const before = framesFetched;
    expect(await text("/en/publications?year=2024")).toContain("Menu v7");
    expect(await text("/en/publications?year=2023")).toContain("Menu v7");
    // One fetch for both listings of the language.
    expect(framesFetched - before).toBe(1);
    frame = { ...frame, version: 8 };
    // Until the change is told, the kept page.
    expect(await text("/en/publications?year=2024")).toContain("Menu v7");
    pages.forget();
    expect(await text("/en/publications?year=2024")).toContain("Menu v8");
    // Without being told, within a few seconds (another instance's change).
    frame = { ...frame, version: 9 };
    await vi.waitFor(async () => expect(await text("/en/publications?year=2024")).toContain("Menu v9"), {
      timeout: 10_000,
      interval: 250,
    });
  });

  it("answers a listing asked for again within seconds from the page copy, until an editor's change drops it", async () => {
    const series = await createSeries();
    const path = `/en/publications?series=${series.slug}`;
    const first = await get(path);
    expect(first.headers[CACHE_STATUS_HEADER]).toBe("written");
    expect((await get(path)).headers[CACHE_STATUS_HEADER]).toBe("written");
    const copied = await get(path);
    expect(copied.headers[CACHE_STATUS_HEADER]).toBe("hit");
    expect(copied.body.equals(first.body)).toBe(true);
    // The copy's validator is the one the page was written with.
    expect((await get(path, { "if-none-match": String(first.headers.etag) })).status).toBe(304);
    const paper = await createPublication({ seriesId: series.id });
    // The change announced (lib/revalidation/reader-pages.ts): the copy goes, the paper shows.
    pages.forget();
    const after = await get(path);
    expect(after.headers[CACHE_STATUS_HEADER]).toBe("written");
    expect(after.body.toString("utf8")).toContain(paper.title);
  });

  it("leaves to Next.js what it does not write: HEAD, Next's navigation data, a page not shaped as expected, a failed fetch", async () => {
    frame = { version: 1, shaped: true, status: 200 };
    pages.forget();
    expect((await get("/en/publications?year=2019", {}, "HEAD")).status).toBe(299);
    expect((await get("/en/publications?year=2019", { rsc: "1" })).status).toBe(299);
    frame = { ...frame, shaped: false };
    pages.forget();
    expect((await get("/en/publications?year=2019")).status).toBe(299);
    frame = { ...frame, shaped: true, status: 500 };
    pages.forget();
    expect((await get("/en/publications?year=2019")).status).toBe(299);
    // Asked again once "Next" answers: a failure is not kept.
    frame = { ...frame, status: 200 };
    expect((await get("/en/publications?year=2019")).status).toBe(200);
  });

  it("leaves the listing to Next.js while the database cannot be read, and says a defect once, not per request", async () => {
    load = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    expect((await get("/en/publications?year=2018")).status).toBe(299);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // Data the results cannot be written from: a defect, not the database.
      load = () => Promise.resolve({ result: {}, choices: {} } as Awaited<ReturnType<CatalogueSide["load"]>>);
      expect((await get("/en/publications?year=2017")).status).toBe(299);
      expect((await get("/en/publications?year=2016")).status).toBe(299);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]![0])).toContain("[catalogue] writing a listing failed");
    } finally {
      errors.mockRestore();
      load = loadCatalogue;
    }
    expect((await get("/en/publications?year=2018")).status).toBe(200);
  });
});
