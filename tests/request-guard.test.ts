import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedMethods } from "@/lib/edge/routes";
import { guardRequest } from "@/server/request-guard";

describe("which methods a path answers", () => {
  it.each([
    ["/en/publications", "GET, HEAD"],
    ["/ko/series/ifans-perspectives", "GET, HEAD"],
    ["/en/publications/12", "GET, HEAD"],
    ["/en/publications/12/email", "GET, HEAD, POST"],
    ["/ko/sign-in", "GET, HEAD, POST"],
    ["/en/admin/publications/3", "GET, HEAD, POST"],
    ["/en/admin/stats/export/daily", "GET, HEAD"],
    ["/en/publications/12/files/3", "GET, HEAD"],
    ["/api/health", "GET, HEAD"],
    ["/api/auth/signin/email", "GET, HEAD, POST"],
    ["/api/admin/publications/3/attachments", "GET, HEAD, POST"],
    ["/api/admin/publications/3/attachments/9", "PUT, DELETE"],
    ["/api/site/share-image", "GET, HEAD, PUT"],
    ["/api/internal/reader-pages", "POST"],
    ["/favicon.ico", "GET, HEAD"],
    ["/_next/static/chunks/x.js", "GET, HEAD"],
    ["/sitemap.xml", "GET, HEAD"],
  ])("%s: %s", (path, methods) => {
    expect(allowedMethods(path).join(", ")).toBe(methods);
  });
});

/** Any method, TRACE included (fetch refuses to send it). */
function send(url: string, method: string) {
  return new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("requests refused at the edge", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // The edge's guard in front of a stand-in for Next.js that answers everything it is handed.
    server = createServer((req, res) => {
      if (!guardRequest(req, res)) res.end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    "/en/publications/%FF",
    "/ko/publications/%C0%AF",
    "/en/series/%ED%A0%80",
    "/en/authors/%",
    "/%FF",
    "/api/health/%FF",
    "/_next/static/%FF",
  ])("%s: 400, a malformed %%-escape", async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("malformed");
  });

  it("refuses a NUL in the path with 400, and leaves query values to their schemas", async () => {
    expect((await fetch(`${base}/en/publications/1%00`)).status).toBe(400);
    expect(await (await fetch(`${base}/en/publications?q=%00`)).text()).toBe("next");
  });

  it.each([
    ["TRACE", "/en/publications", "GET, HEAD"],
    ["TRACE", "/api/health", "GET, HEAD"],
    ["PUT", "/en/publications/12", "GET, HEAD"],
    ["POST", "/en/publications/12", "GET, HEAD"],
    ["DELETE", "/en/publications", "GET, HEAD"],
    ["PATCH", "/ko/authors/1", "GET, HEAD"],
    ["POST", "/en/publications", "GET, HEAD"],
    ["PROPFIND", "/en/publications/12", "GET, HEAD"],
    ["PUT", "/en/publications/12/email", "GET, HEAD, POST"],
    ["GET", "/api/admin/publications/3/attachments/9", "PUT, DELETE"],
  ])("%s %s: 405 with Allow: %s", async (method, path, allow) => {
    expect(await send(`${base}${path}`, method)).toEqual({ status: 405, allow });
  });

  it("refuses a page form post that does not come from the page's own script (Next-Action)", async () => {
    const bare = await send(`${base}/en/sign-in`, "POST");
    expect(bare).toEqual({ status: 405, allow: "GET, HEAD" });
    const forged = await fetch(`${base}/en/sign-in`, { method: "POST", headers: { "next-action": "0".repeat(40) } });
    expect(forged.status).toBe(400);
  });

  it("answers OPTIONS with the methods, and lets the allowed ones through", async () => {
    const options = await fetch(`${base}/en/sign-in`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, POST, OPTIONS"]);
    const action = { method: "POST", headers: { "next-action": "a1".repeat(21) } };
    expect(await (await fetch(`${base}/en/sign-in`, action)).text()).toBe("next");
    // A route handler's own post needs no server action's header.
    const email = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };
    expect(await (await fetch(`${base}/en/publications/12/email`, email)).text()).toBe("next");
    expect(await (await fetch(`${base}/ko/publications?q=%EB%B6%81%ED%95%9C`)).text()).toBe("next");
  });
});
