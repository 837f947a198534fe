// The edge's route table (lib/edge/routes.ts) is applied by three readers: the
// portal's server, proxy.ts's matcher and next.config.ts's rewrite. Each
// sample address goes through all three, the last two judged by Next.js's own
// matching code, and they must tell the same story.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { buildCustomRoute } from "next/dist/server/lib/router-utils/filesystem";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { matchHas, prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { describe, expect, it } from "vitest";
import type { AppSide } from "@/lib/edge/bridge";
import { EDGE_REWRITES, PROXY_MATCHER, type Route } from "@/lib/edge/routes";
import { skipReason } from "@/lib/stats/counting-rules";
import { PHASE_TEST } from "next/constants";
import nextConfig from "@/next.config";
import { config as proxyConfig } from "@/proxy";
import { createPageCache, CACHE_STATUS_HEADER } from "@/server/page-cache";
import { countPageView } from "@/server/page-views";
import { routeRequest } from "@/server/routing";

const READER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

type Headers = Record<string, string | string[] | undefined>;

/** What the portal's server does with a request: its route, whether it counts a view, whether its page copy may answer. */
function throughServer(method: string, url: string) {
  const headers: Headers = { "user-agent": READER };
  const req = { method, url, headers } as IncomingMessage;
  const route = routeRequest(req);
  let counted = false;
  const app: AppSide = {
    count: (request, use) => {
      counted = use.kind === "view" && skipReason(request, { countStaff: false }) === null;
    },
    flush: () => Promise.resolve(),
  };
  countPageView(app, req, route);
  const answered: Record<string, unknown> = {};
  const res = { setHeader: (k: string, v: unknown) => (answered[k] = v), once: () => res } as unknown as ServerResponse;
  createPageCache({ origin: "http://127.0.0.1:9", maxBytes: 1024 * 1024 }).serve(req, res, route);
  return { route, counted, copy: answered[CACHE_STATUS_HEADER] === "miss", headers: req.headers };
}

// Next.js's own reading of a matcher (not in its type declarations).
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => ProxyMatcher[];
};
const proxyMatches = getMiddlewareRouteMatcher(getMiddlewareMatchers(proxyConfig.matcher, {}));

/** Whether Next.js runs proxy.ts for this request, given the headers the server set. */
function throughProxy(url: string, headers: Headers) {
  const { pathname, searchParams } = new URL(url, "http://portal.test");
  return proxyMatches(pathname, { headers } as never, Object.fromEntries(searchParams));
}

async function beforeFilesRewrites() {
  // As a test loads it: no islands are bundled.
  const config = nextConfig(PHASE_TEST);
  const rewrites = config.rewrites ? await config.rewrites() : [];
  return (Array.isArray(rewrites) ? rewrites : (rewrites.beforeFiles ?? [])).map((r) => buildCustomRoute("rewrite", r));
}

/** Where next.config.ts's rewrites send the request, as Next.js resolves them; null when none applies. */
async function throughRewrites(url: string, headers: Headers): Promise<string | null> {
  const { pathname, searchParams } = new URL(url, "http://portal.test");
  const query = Object.fromEntries(searchParams);
  for (const rewrite of await beforeFilesRewrites()) {
    const params = rewrite.match?.(pathname);
    const has = params && matchHas({ headers } as never, query, rewrite.has, rewrite.missing);
    if (!params || !has) continue;
    const { parsedDestination } = prepareDestination({
      appendParamsToQuery: false,
      destination: rewrite.destination,
      params: { ...params, ...has },
      query,
    });
    return parsedDestination.pathname ?? null;
  }
  return null;
}

type Expected = { kind: Route["kind"]; counted: boolean; copy: boolean; proxy: boolean };
const page = (kind: Route["kind"], o: Partial<Expected> = {}): Expected => ({
  kind,
  counted: false,
  copy: false,
  proxy: false,
  ...o,
});
const routedByNext = (o: Partial<Expected> = {}) => page("other", { proxy: true, ...o });

const SAMPLES: [method: string, url: string, expected: Expected][] = [
  ["GET", "/en/publications/12", page("publication", { counted: true, copy: true })],
  ["GET", "/ko/publications/12?utm_source=newsletter", page("publication", { counted: true, copy: true })],
  // In-app navigation: a view, but Next's RSC payload is not the page the copy keeps.
  ["GET", "/en/publications/12?_rsc=1x2y", page("publication", { counted: true })],
  // HEAD carries no content: not a view, but the copy answers it.
  ["HEAD", "/en/publications/12", page("publication", { copy: true })],
  // The page reads its id decoded: paper 12, counted; not kept, as an editor's change drops copies by their plain path.
  ["GET", "/en/publications/%31%32", page("publication", { counted: true })],
  // Next.js redirects it to the address without the slash, which is the view.
  ["GET", "/en/publications/12/", routedByNext()],
  ["GET", "/en/publications/012", routedByNext()],
  ["GET", "/EN/publications/12", routedByNext()],
  ["GET", "/en/publications/12345678901", routedByNext()],
  ["GET", "/en/publications/12/files/3", page("file")],
  ["HEAD", "/en/publications/12/files/3", page("file")],
  ["GET", "/en/publications/12/files/03", routedByNext()],
  ["GET", "/en/publications", page("catalogue", { copy: true })],
  ["GET", "/ko/publications?q=%EC%97%90%EB%84%88%EC%A7%80&year=2024", page("catalogue", { copy: true })],
  ["GET", "/en/publications?page=-3&year=abc", page("catalogue", { copy: true })],
  ["HEAD", "/en/publications?q=energy", routedByNext()],
  ["GET", "/en/publications/", routedByNext()],
  ["GET", "/", routedByNext()],
  ["GET", "/en/authors/3", routedByNext()],
  ["GET", "/en/publications/12/card.png", page("other")],
  ["GET", "/api/health", page("other")],
  ["GET", "/sitemap.xml", page("other")],
];

describe("the edge's route table, as the server, the proxy and the rewrites read it", () => {
  it.each(SAMPLES)("%s %s", async (method, url, expected) => {
    const server = throughServer(method, url);
    expect({
      kind: server.route.kind,
      counted: server.counted,
      copy: server.copy,
      proxy: throughProxy(url, server.headers),
    }).toEqual(expected);
    // The rewrite serves exactly the catalogue requests the server named, from the page their key names.
    const rewrite = await throughRewrites(url, server.headers);
    const r = server.route;
    expect(rewrite).toBe(r.kind === "catalogue" ? `${url.slice(0, 3)}/publications/view/${r.key}` : null);
  });

  it("runs the proxy for every page when no portal server routed the request (plain `next start`)", async () => {
    for (const [, url, expected] of SAMPLES) {
      const pageRequest = expected.kind !== "other" || expected.proxy;
      expect(throughProxy(url, {}), url).toBe(pageRequest);
      expect(await throughRewrites(url, {}), url).toBeNull();
    }
  });

  it("has proxy.ts's matcher and next.config.ts's rewrites written as the table builds them", async () => {
    // Next.js reads proxy.ts's matcher without running it, so it is written out there: it must not drift.
    expect(proxyConfig.matcher).toEqual(PROXY_MATCHER);
    expect((await beforeFilesRewrites()).map(({ source, has, destination }) => ({ source, has, destination }))).toEqual(
      EDGE_REWRITES,
    );
  });
});
