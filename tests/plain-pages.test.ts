// The catalogue's pages sent without React (server/plain-pages.ts), in front
// of a real HTTP handler that writes its answer the ways Next.js does:
// streamed (headers flushed, then chunks), whole with writeHead, or not a page
// at all. With the real Next.js server behind it: e2e/reader.spec.ts ("the
// listing is plain HTML…") and e2e/search.spec.ts (its filters and fold).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeOf } from "@/lib/edge/routes";
import { sendPlain } from "@/server/plain-pages";
import { httpGet } from "./support/http-get";

const REACT = `<script src="/_next/static/chunks/main.js" async=""></script>`;
const DATA = `<script>self.__next_f.push([1,"the listing again, as data"])</script>`;
const FOLD = `<script data-plain="">if(matchMedia("(max-width: 55.99rem)").matches)document.currentScript.parentElement.open=false</script>`;
const page = (react: boolean) =>
  `<!DOCTYPE html><html lang="en"><head>${react ? REACT : ""}</head><body><details open>${FOLD}<form method="get"></form></details>` +
  `<ol>${"<li>A paper<!-- --> · 2026</li>".repeat(60)}</ol>${react ? DATA : ""}</body></html>`;
const PLAIN = page(false).replaceAll("<!-- -->", "");

/** What Next.js would do for each path, with the encoding it was asked for recorded. */
const seenEncodings: (string | undefined)[] = [];
function next(req: IncomingMessage, res: ServerResponse) {
  seenEncodings.push(req.headers["accept-encoding"]);
  const html = page(true);
  switch (req.url) {
    case "/streamed":
      res.statusCode = 200;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("vary", "rsc, next-router-state-tree");
      res.flushHeaders();
      res.write(html.slice(0, 100));
      res.write(Buffer.from(html.slice(100, 2000)));
      res.end(html.slice(2000));
      return;
    case "/whole":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: `"next"`, "content-length": String(html.length) });
      res.end(html);
      return;
    case "/raw":
      // Node's raw form of headers, as some handlers write them.
      res.writeHead(200, ["content-type", "text/html; charset=utf-8", "cache-control", "s-maxage=5"]);
      res.end(html);
      return;
    case "/failed":
      res.writeHead(500, { "content-type": "text/html; charset=utf-8" }).end(`<p>Something went wrong</p>${DATA}`);
      return;
    case "/twice":
      // Ended a second time, as a handler cleaning up after itself may: the page is still being compressed.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
      res.end();
      return;
    case "/moved":
      res.writeHead(308, { location: "/en/publications" }).end();
      return;
    default:
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(`<p>Not found</p>${DATA}`);
  }
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    sendPlain(req, res);
    next(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a catalogue page sent without React", () => {
  it("cuts React's scripts and data from a streamed page, keeps the fold's script, and names the page's length", async () => {
    const answer = await httpGet(`${base}/streamed`);
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(PLAIN);
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
  });

  it("gzips it itself where the reader accepts gzip, with Next's compression kept off", async () => {
    seenEncodings.length = 0;
    const answer = await httpGet(`${base}/streamed`, { "accept-encoding": "gzip, br" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toBe(PLAIN);
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(seenEncodings).toEqual([undefined]);
  });

  it("sends the page whole when the response is ended again while it is compressed", async () => {
    const answer = await httpGet(`${base}/twice`, { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toBe(PLAIN);
  });

  it("reads headers given in Node's raw form", async () => {
    const answer = await httpGet(`${base}/raw`);
    expect([answer.body.toString(), answer.headers["cache-control"]]).toEqual([PLAIN, "s-maxage=5"]);
  });

  it("gives a page written whole its own validator, and answers 304 to a reader who has it", async () => {
    const first = await httpGet(`${base}/whole`);
    expect(first.body.toString()).toBe(PLAIN);
    expect(first.headers["content-length"]).toBe(String(first.body.length));
    const etag = first.headers.etag!;
    expect(etag).not.toBe(`"next"`);
    const again = await httpGet(`${base}/whole`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("leaves what is not a page as Next wrote it: a redirect, an error, a 404, a HEAD, Next's navigation data", async () => {
    expect((await httpGet(`${base}/moved`)).headers.location).toBe("/en/publications");
    const failed = await httpGet(`${base}/failed`);
    expect([failed.status, failed.body.toString()]).toEqual([500, `<p>Something went wrong</p>${DATA}`]);
    const missing = await httpGet(`${base}/gone`);
    expect([missing.status, missing.body.toString()]).toEqual([404, `<p>Not found</p>${DATA}`]);
    const head = await httpGet(`${base}/whole`, {}, "HEAD");
    expect([head.status, head.headers.etag, head.headers["content-length"]]).toEqual([200, `"next"`, String(page(true).length)]);
    const navigation = await httpGet(`${base}/streamed`, { rsc: "1" });
    expect(navigation.body.toString()).toBe(page(true));
  });
});

describe("which other reader pages go plain", () => {
  // What the route table says of a reader's GET.
  const isPlainPage = (url: string) => {
    const route = routeOf("GET", url);
    return route.kind === "other" && route.plain === true;
  };

  it("the front, series, topic and author pages and the statements, in both languages, whatever their query", () => {
    for (const locale of ["en", "ko"])
      for (const path of [
        "",
        "/series/ifans-focus",
        "/topics/security?year=2024&page=2",
        "/authors/12",
        "/privacy",
        "/accessibility",
      ])
        expect(isPlainPage(`/${locale}${path}`), `/${locale}${path}`).toBe(true);
    // Written with %-escapes, as Next.js decodes them.
    expect(isPlainPage("/ko/series/%ED%95%9C%EB%B9%9B")).toBe(true);
    // The catalogue with a query too long for a cache key (it is a "catalogue" route otherwise).
    const long = `/ko/publications?q=${encodeURIComponent("북한과 러시아의 동맹 ".repeat(15))}`;
    expect(routeOf("GET", long).kind).toBe("other");
    expect(isPlainPage(long)).toBe(true);
  });

  it("not the pages whose forms need React, the staff's, nor anything else", () => {
    for (const url of [
      "/en/alerts",
      "/en/alerts/manage?token=x",
      "/en/sign-in",
      "/en/admin",
      "/en/admin/publications",
      "/en/series/ifans-focus/extra",
      "/en/publications/12/cite/bibtex",
      "/en/series/",
      "/fr/series/ifans-focus",
      "/",
      "/api/health",
      "/en/series/%E0%A4%A",
    ])
      expect(isPlainPage(url), url).toBe(false);
  });
});
