import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findRedirectRule } from "@/lib/data/redirect-rules";
import { mayBeOldAddress, routeOf } from "@/lib/edge/routes";
import { candidateLookups, canonicalLegacyUrl, parseLegacyAddress } from "@/lib/legacy-urls/canonical";
import { oldAddressTarget } from "@/lib/legacy-urls/redirect-target";
import { redirectRuleSchema } from "@/lib/validations/redirects";
import { createForwarding } from "@/server/forwarded";
import { createOldAddressRedirects } from "@/server/old-addresses";
import { guardRequest } from "@/server/request-guard";
import { routeRequest } from "@/server/routing";
import { createPublication, createSeries, uid } from "./support/factories";

describe("an old address in its canonical form", () => {
  it("sorts the parameters by name, so their order does not matter", () => {
    expect(canonicalLegacyUrl("/board/view.do?seq=12345&menu=2")).toEqual({
      path: "/board/view.do",
      paramNames: "menu,seq",
      query: "menu=2&seq=12345",
    });
    expect(canonicalLegacyUrl("/board/view.do?menu=2&seq=12345")).toEqual(canonicalLegacyUrl("/board/view.do?seq=12345&menu=2"));
  });

  it("keeps only the path and query of an absolute URL, and drops the fragment", () => {
    expect(canonicalLegacyUrl("https://www.old.example.org/board/view.do?seq=7#top")).toEqual({
      path: "/board/view.do",
      paramNames: "seq",
      query: "seq=7",
    });
  });

  it("decodes the path and writes every value in one encoding", () => {
    expect(canonicalLegacyUrl("/%EC%97%B0%EA%B5%AC/view.asp?title=a%20b&k=%ed%95%9c")).toEqual({
      path: "/연구/view.asp",
      paramNames: "k,title",
      query: "k=%ED%95%9C&title=a+b",
    });
    expect(canonicalLegacyUrl("/연구/view.asp?k=한&title=a+b")?.query).toBe("k=%ED%95%9C&title=a+b");
  });

  it("keeps the first value of a repeated parameter", () => {
    expect(canonicalLegacyUrl("/view.do?seq=1&seq=2")?.query).toBe("seq=1");
  });

  it("keeps values that are not UTF-8 (an old site's EUC-KR) byte for byte", () => {
    expect(canonicalLegacyUrl("/search.do?q=%c7%d1")?.query).toBe("q=%C7%D1");
  });

  it("takes a path without a query as identified by its path alone", () => {
    expect(canonicalLegacyUrl("/papers/123.html")).toEqual({ path: "/papers/123.html", paramNames: "", query: "" });
  });

  it("keeps a comma in a parameter name apart from the list of names", () => {
    expect(canonicalLegacyUrl("/v?a,b=1")?.paramNames).toBe("a%2Cb");
  });

  it.each(["", "board/view.do", "//evil.example/x", "/a%zz", "/%FF", "ftp://x/y", "/a\nb", `/${"x".repeat(2100)}`])(
    "refuses %j",
    (raw) => {
      expect(canonicalLegacyUrl(raw)).toBeNull();
    },
  );
});

describe("the lookups a request can match", () => {
  const request = parseLegacyAddress("/board/view.do?utm_source=news&seq=12345&menu=2&fbclid=x")!;

  it("ignores extra parameters and tries the set with the most identifying parameters first", () => {
    expect(candidateLookups(request, ["seq", "menu,seq", ""])).toEqual([
      { path: "/board/view.do", paramNames: "menu,seq", query: "menu=2&seq=12345" },
      { path: "/board/view.do", paramNames: "seq", query: "seq=12345" },
      { path: "/board/view.do", paramNames: "", query: "" },
    ]);
  });

  it("leaves out a set whose parameter the request does not carry", () => {
    expect(candidateLookups(request, ["board,seq", "seq"]).map((c) => c.paramNames)).toEqual(["seq"]);
  });

  it("builds the same query as the stored form of the same link", () => {
    const stored = canonicalLegacyUrl("/board/view.do?seq=12345&menu=2")!;
    expect(candidateLookups(request, [stored.paramNames])[0]).toEqual(stored);
  });
});

describe("old links of imported papers", () => {
  let seriesId = 0;
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });

  /** A paper with old links, stored as the importer stores them; the path is unique to this test. */
  async function paperWithLinks(links: (path: string) => string[], input: { language?: "ko" | "en"; status?: "draft" } = {}) {
    const path = `/board-${uid()}/view.do`;
    const paper = await createPublication({ seriesId, ...input });
    for (const link of links(path))
      await db.legacyUrl.create({ data: { ...canonicalLegacyUrl(link)!, publicationId: paper.id } });
    return { paper, path };
  }

  it("leads an old link with its parameters reordered and tracking ones added to the paper's page in its language", async () => {
    const { paper, path } = await paperWithLinks((p) => [`${p}?menu=2&seq=12345`], { language: "ko" });
    expect(await oldAddressTarget(`${path}?utm_source=news&seq=12345&menu=2&fbclid=abc`)).toBe(`/ko/publications/${paper.id}`);
  });

  it("finds nothing for another value of an identifying parameter, or without one", async () => {
    const { path } = await paperWithLinks((p) => [`${p}?menu=2&seq=12345`]);
    expect(await oldAddressTarget(`${path}?menu=2&seq=12346`)).toBeNull();
    expect(await oldAddressTarget(`${path}?seq=12345`)).toBeNull();
  });

  it("prefers the link with the most identifying parameters", async () => {
    const { path } = await paperWithLinks((p) => [`${p}?seq=7`]);
    const specific = await createPublication({ seriesId, language: "en" });
    await db.legacyUrl.create({ data: { ...canonicalLegacyUrl(`${path}?seq=7&lang=en`)!, publicationId: specific.id } });
    expect(await oldAddressTarget(`${path}?lang=en&seq=7&page=3`)).toBe(`/en/publications/${specific.id}`);
  });

  it("keeps a draft's old link a 404", async () => {
    const { path } = await paperWithLinks((p) => [`${p}?seq=1`], { status: "draft" });
    expect(await oldAddressTarget(`${path}?seq=1`)).toBeNull();
  });

  it("leads a link stored without a query, whatever query the request carries", async () => {
    const { paper, path } = await paperWithLinks((p) => [p]);
    expect(await oldAddressTarget(`${path}?utm_campaign=x`)).toBe(`/en/publications/${paper.id}`);
  });
});

describe("staff rules", () => {
  it("takes the exact rule first, then the longest prefix", async () => {
    const base = `/old-${uid()}`;
    await db.redirectRule.createMany({
      data: [
        { fromPath: `${base}/*`, toPath: "/en/publications" },
        { fromPath: `${base}/series/*`, toPath: "/en/series/a" },
        { fromPath: `${base}/series/list.do`, toPath: "/ko/series/b" },
      ],
    });
    expect(await oldAddressTarget(`${base}/series/list.do?page=2`)).toBe("/ko/series/b");
    expect(await oldAddressTarget(`${base}/series/view.do`)).toBe("/en/series/a");
    expect(await oldAddressTarget(`${base}/about.html`)).toBe("/en/publications");
    expect(await oldAddressTarget(`${base}`)).toBeNull();
    expect(await findRedirectRule(`/other-${uid()}/x`)).toBeNull();
  });

  it("leaves a paper's own old link to the paper, and the rest of its path to the rule", async () => {
    const base = `/mixed-${uid()}`;
    const paper = await createPublication({ seriesId: (await createSeries()).id });
    await db.legacyUrl.create({ data: { ...canonicalLegacyUrl(`${base}/view.do?seq=3`)!, publicationId: paper.id } });
    await db.redirectRule.create({ data: { fromPath: `${base}/view.do`, toPath: "/en/publications" } });
    expect(await oldAddressTarget(`${base}/view.do?seq=3`)).toBe(`/en/publications/${paper.id}`);
    expect(await oldAddressTarget(`${base}/view.do?seq=4`)).toBe("/en/publications");
  });
});

describe("the rule form's checks", () => {
  const issues = (rule: { fromPath: string; toPath: string }) =>
    redirectRuleSchema.safeParse(rule).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`) ?? [];

  it("accepts an old path, a prefix and a path on this site with a query", () => {
    expect(issues({ fromPath: "/board/list.do", toPath: "/en/publications?series=x" })).toEqual([]);
    expect(redirectRuleSchema.parse({ fromPath: " /%EA%B2%8C%EC%8B%9C%ED%8C%90/* ", toPath: "/ko" })).toEqual({
      fromPath: "/게시판/*",
      toPath: "/ko",
    });
  });

  it.each([
    [{ fromPath: "board/list.do", toPath: "/en" }, "fromPath:fromPathFormat"],
    [{ fromPath: "https://old.example/board", toPath: "/en" }, "fromPath:fromPathFormat"],
    [{ fromPath: "//old.example/board", toPath: "/en" }, "fromPath:fromPathFormat"],
    [{ fromPath: "/board/list.do?x=1", toPath: "/en" }, "fromPath:fromPathQuery"],
    [{ fromPath: "/board/*/list", toPath: "/en" }, "fromPath:wildcardAtEnd"],
    [{ fromPath: "/en/old-page", toPath: "/en" }, "fromPath:portalPath"],
    [{ fromPath: "/api/*", toPath: "/en" }, "fromPath:portalPath"],
    [{ fromPath: "/_next/x", toPath: "/en" }, "fromPath:portalPath"],
    [{ fromPath: "/*", toPath: "/en" }, "fromPath:portalPath"],
    [{ fromPath: "/board", toPath: "https://elsewhere.example/" }, "toPath:toPathFormat"],
    [{ fromPath: "/board", toPath: "//elsewhere.example/" }, "toPath:toPathFormat"],
    [{ fromPath: "/board", toPath: "" }, "toPath:required"],
    [{ fromPath: "/board/*", toPath: "/board/list" }, "toPath:loop"],
  ])("refuses %j with %s", (rule, issue) => {
    expect(issues(rule)).toContain(issue);
  });
});

describe("old links through the server's request handling", () => {
  let server: Server;
  let base: string;
  let failing = false;
  const APP = "https://perspectives.example.org";

  beforeAll(async () => {
    // The server's wiring, as in server/main.ts, in front of a stand-in for Next.js that answers 404.
    const forwarding = createForwarding({ trust: false, appUrl: APP });
    const oldAddresses = createOldAddressRedirects({
      redirects: { targetOf: (url) => (failing ? Promise.reject(new Error("database away")) : oldAddressTarget(url)) },
      appUrl: APP,
    });
    server = createServer((req, res) => {
      forwarding(req);
      const route = routeRequest(req);
      if (guardRequest(req, res)) return;
      const redirecting = oldAddresses(req, res, route);
      const toNext = () => void res.writeHead(404).end("next");
      if (redirecting) void redirecting.then((answered) => answered || toNext());
      else toNext();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers an imported paper's old link with 301 to its page on APP_URL, briefly cacheable", async () => {
    const path = `/board-${uid()}/view.do`;
    const paper = await createPublication({ seriesId: (await createSeries()).id, language: "ko" });
    await db.legacyUrl.create({ data: { ...canonicalLegacyUrl(`${path}?seq=12345&menu=2`)!, publicationId: paper.id } });
    for (const method of ["GET", "HEAD"]) {
      const res = await fetch(`${base}${path}?utm_source=x&menu=2&seq=12345`, { method, redirect: "manual" });
      expect(res.status).toBe(301);
      expect(res.headers.get("location")).toBe(`${APP}/ko/publications/${paper.id}`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    }
  });

  it("hands an unknown old link and an old link under a locale path on to Next.js, and refuses a post", async () => {
    const path = `/gone-${uid()}/view.do`;
    await db.redirectRule.create({ data: { fromPath: path, toPath: "/en" } });
    // Documented: the portal owns locale paths, so an old "/en/…" link is not looked up.
    const localePath = `/en/old-${uid()}`;
    const paper = await createPublication({ seriesId: (await createSeries()).id });
    await db.legacyUrl.create({ data: { ...canonicalLegacyUrl(localePath)!, publicationId: paper.id } });
    expect((await fetch(`${base}/never-${uid()}.html?seq=1`, { redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${base}${localePath}`, { redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${base}${path}`, { method: "POST", redirect: "manual" })).status).toBe(405);
    // The same rule answers a read, so the requests above were passed on, not broken.
    expect((await fetch(`${base}${path}`, { redirect: "manual" })).headers.get("location")).toBe(`${APP}/en`);
  });

  it("hands the request on to Next.js when the lookup fails: never a 500", async () => {
    failing = true;
    try {
      const res = await fetch(`${base}/board-${uid()}/view.do?seq=1`, { redirect: "manual" });
      expect({ status: res.status, body: await res.text() }).toEqual({ status: 404, body: "next" });
    } finally {
      failing = false;
    }
  });
});

describe("which requests the server looks up as old links", () => {
  const asked = (method: string, url: string) => mayBeOldAddress(method, url, routeOf(method, url));

  it.each(["/board/view.do?seq=1", "/papers/123.html", "/?p=123", "/게시판/view.do", "/english/old"])("%s: looked up", (url) => {
    expect(asked("GET", url)).toBe(true);
    expect(asked("HEAD", url)).toBe(true);
  });

  it.each([
    "/",
    "/en",
    "/ko/old-page",
    "/en/publications/12",
    "/en/publications?q=x",
    "/api/health",
    "/_next/static/x.js",
    "/favicon.ico",
    "/robots.txt",
    "/sitemap.xml",
    "/bench/x",
  ])("%s: the portal's own, not looked up", (url) => {
    expect(asked("GET", url)).toBe(false);
  });

  it("looks up reads only", () => {
    expect(asked("POST", "/board/view.do?seq=1")).toBe(false);
  });
});
