// A short-lived copy of whole publication pages, answered by the HTTP server
// before Next.js sees the request.
//
// Why: a shared paper is read by hundreds of people within seconds. Next.js
// already keeps the rendered page (ISR), but still spends about a millisecond
// of its own on every request for a dynamic route (matching, params, its
// response cache, and gzip for every browser). Here a hot page costs a map
// lookup and one write of a buffer that was compressed once.
//
// What it may keep is Next's call, not ours: only a 200 HTML answer Next marks
// as shareable (`s-maxage`, no `private`/`no-store`, no cookie set), for at
// most TTL_MS and never longer than Next's own s-maxage. Requests that ask for
// something else (in-app navigation's RSC payload, prefetches, draft mode,
// on-demand revalidation, ranges) go to Next untouched. Editors' changes drop
// the page at once (lib/edge/bridge.ts); other instances drop theirs
// within TTL_MS. Memory is bounded by size (least recently used goes first).
//
// A miss is served by Next as usual. A page asked for the second time within
// a few minutes is worth a copy: once Next has answered it 200, the cache asks
// the server itself for the page (a loopback request marked with a per-process
// secret, not counted as a view) and keeps that copy. Next answers that
// request from its own cache, so filling costs little; but most of a large
// catalogue's papers are read once in a while, and for those a copy (the
// request, and gzip over the whole page) would be spent for nothing.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import fresh from "fresh";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import { mayKeepCopy, type Route } from "@/lib/edge/routes";
import { withoutReact } from "@/lib/render/static-page";

/** How long a copy is answered before it is fetched again. */
const TTL_MS = 2000;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const REFILL_TIMEOUT_MS = 10_000;
// Distinct pages being fetched at once; more misses than this wait for their next turn.
const MAX_REFILLS = 8;
// Pages asked for once: asked again within this time, they are copied.
const ASKED_TTL_MS = 10 * 60_000;
const MAX_ASKED = 20_000;

const REFILL_HEADER = "x-perspectives-page-refill";
export const CACHE_STATUS_HEADER = "x-perspectives-cache";

// Headers that ask Next for something other than the page's HTML, or for a fresh render.
const BYPASS_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
  "x-prerender-revalidate",
  "range",
];
const BYPASS_COOKIES = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;
// Hop-by-hop headers and those the cache sets per answer.
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "content-encoding"]);

type Variant = { headers: string[]; body: Buffer };
type Entry = {
  identity: Variant;
  /** Made when a client first asks for it: many copies are only ever sent plain (to a proxy, a crawler) or not again. */
  gzip?: Variant;
  headers: [string, string][];
  etag: string | undefined;
  notModified: string[];
};

export type PageCache = {
  /** True for the cache's own refill request (its marker is removed either way); it is neither counted nor cached. */
  isRefill(req: IncomingMessage): boolean;
  /** Whether a copy may answer this request: a page as readers ask for it, not something else Next serves there. */
  mayAnswer(req: IncomingMessage, route: Route): boolean;
  /** Answers the request from memory and returns true, or returns false and leaves it to Next.js. */
  serve(req: IncomingMessage, res: ServerResponse, route: Route): boolean;
  /** Drops every copy of this path, whatever its query. */
  forget(pathname: string): void;
  /** Asks Next.js for a page as a reader would (not counted); null if it may not be shared, or could not be had. */
  fetchPage(key: string): Promise<FetchedPage | null>;
  /**
   * A page the server answered itself (from the stored pages, or a listing it
   * wrote): kept if it had been asked for before this request (serve() saw
   * it), as a refill would, for as long as its own headers let a shared cache
   * keep it.
   */
  offer(req: IncomingMessage, route: Route, page: Pick<FetchedPage, "headers" | "body">): void;
};

/**
 * A page as a reader asks for it: read (GET or HEAD), and not Next's
 * navigation data, a prefetch, an action, a revalidation, a range or a preview.
 */
export function readerPageRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  for (const name of BYPASS_HEADERS) if (req.headers[name] !== undefined) return false;
  const cookie = req.headers.cookie;
  return !(cookie && BYPASS_COOKIES.test(cookie));
}

/** The cache key of a request the cache may answer: its path and query; else null. */
function cacheKey(req: IncomingMessage, route: Route): string | null {
  const url = req.url;
  if (!url || url.length > 1000 || !mayKeepCopy(route, url) || !readerPageRequest(req)) return null;
  return url;
}

/** Whether the client accepts gzip (and said so: no Accept-Encoding gets the page plain). */
export function wantsGzip(req: IncomingMessage): boolean {
  if (!req.headers["accept-encoding"]) return false;
  return new Negotiator(req).encoding(["gzip", "identity"]) === "gzip";
}

/** Seconds a shared cache may keep this answer according to Next.js, or 0 if it may not. */
function sharedMaxAge(cacheControl: string | null): number {
  if (!cacheControl || /\b(?:private|no-store|no-cache)\b/i.test(cacheControl)) return 0;
  return Number(/\bs-maxage=(\d+)/i.exec(cacheControl)?.[1] ?? 0);
}

function variant(headers: [string, string][], body: Buffer, extra: string[]): Variant {
  return { headers: [...headers.flat(), ...extra, "content-length", String(body.length), CACHE_STATUS_HEADER, "hit"], body };
}

/** A page Next.js answered and a shared cache may keep, as the server itself fetched it. */
export type FetchedPage = {
  /** Its headers, less those set per answer. */
  headers: [string, string][];
  body: Buffer;
  /** How long a shared cache may keep it, by Next's s-maxage. */
  maxAgeMs: number;
};

/** The validator of a page as the server sends it (its body, not the page Next rendered). */
export const etagOf = (body: Buffer) => `"${createHash("sha1").update(body).digest("base64url")}"`;

/**
 * Next.js's answer as the server keeps it, or null if it may not be shared:
 * as plain HTML (lib/render/static-page.ts), without React's scripts and the
 * component data that repeats the page, for a paper's page does what it does
 * in the browser through its islands (islands/paper.ts). Stored pages are
 * fetched here too (stored-pages.ts), so they are the same.
 */
async function toFetchedPage(response: Response): Promise<FetchedPage | null> {
  const maxAge = sharedMaxAge(response.headers.get("cache-control"));
  const length = Number(response.headers.get("content-length") ?? 0);
  const cacheable =
    response.status === 200 &&
    maxAge > 0 &&
    length <= MAX_PAGE_BYTES &&
    (response.headers.get("content-type") ?? "").startsWith("text/html") &&
    response.headers.getSetCookie().length === 0;
  if (!cacheable) {
    await response.body?.cancel();
    return null;
  }
  const rendered = Buffer.from(await response.arrayBuffer());
  if (rendered.length > MAX_PAGE_BYTES) return null;
  const body = Buffer.from(withoutReact(rendered.toString("utf8")));
  const headers = [...response.headers].filter(([name]) => !NOT_REPLAYED.has(name));
  return {
    // Next's validator named the page it rendered; this one names the page as served.
    headers: headers.map(([name, value]): [string, string] => (name === "etag" ? [name, etagOf(body)] : [name, value])),
    body,
    maxAgeMs: maxAge * 1000,
  };
}

/** A copy of a page as the cache answers it; compressed on first demand (gzipped). */
function toEntry(headers: [string, string][], body: Buffer): Entry {
  const etag = headers.find(([name]) => name === "etag")?.[1];
  const keep = (names: string[]) => headers.filter(([name]) => names.includes(name)).flat();
  return {
    identity: variant(headers, body, []),
    headers,
    etag,
    notModified: [...keep(["etag", "cache-control", "vary"]), CACHE_STATUS_HEADER, "hit"],
  };
}

/** The copy compressed, made once, the first time a client accepts it. */
function gzipped(entry: Entry): Variant {
  return (entry.gzip ??= variant(entry.headers, gzipSync(entry.identity.body), ["content-encoding", "gzip"]));
}

/** A copy's memory, counting its compressed form whether or not it has been made yet (HTML compresses to well under a third). */
const entrySize = (e: Entry) => Math.ceil(e.identity.body.length * (4 / 3)) + 1024;

/**
 * @param origin where the server itself listens (http://127.0.0.1:PORT)
 * @param maxBytes memory for copies (bodies, plain and compressed)
 */
export function createPageCache({ origin, maxBytes }: { origin: string; maxBytes: number }): PageCache {
  const secret = randomBytes(16).toString("hex");
  const pages = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: entrySize,
    ttl: TTL_MS,
  });
  const refilling = new Set<string>();
  const askedOnce = new LRUCache<string, true>({ max: MAX_ASKED, ttl: ASKED_TTL_MS });
  // Requests for a page asked for before them, with the generation they came in: what the server
  // answers itself for these is kept (offer()) unless an editor's change came since.
  const askedAgain = new WeakMap<IncomingMessage, number>();
  // Bumped by forget(): a copy fetched before an editor's change must not be kept after it.
  let generation = 0;
  let warned = false;

  async function fetchPage(key: string): Promise<FetchedPage | null> {
    try {
      const response = await fetch(origin + key, {
        headers: { [REFILL_HEADER]: secret, "accept-encoding": "identity" },
        signal: AbortSignal.timeout(REFILL_TIMEOUT_MS),
        redirect: "manual",
      });
      return await toFetchedPage(response);
    } catch (e) {
      if (!warned) console.error(`[page-cache] could not fetch ${key} from ${origin}: ${(e as Error).message}`);
      warned = true;
      return null;
    }
  }

  function keep(key: string, page: Pick<FetchedPage, "headers" | "body" | "maxAgeMs">) {
    pages.set(key, toEntry(page.headers, page.body), { ttl: Math.min(TTL_MS, page.maxAgeMs) });
  }

  async function refill(key: string) {
    if (refilling.has(key) || refilling.size >= MAX_REFILLS) return;
    refilling.add(key);
    const startedAt = generation;
    try {
      const page = await fetchPage(key);
      if (page && startedAt === generation) keep(key, page);
    } finally {
      refilling.delete(key);
    }
  }

  return {
    isRefill(req) {
      const marker = req.headers[REFILL_HEADER];
      if (marker === undefined) return false;
      delete req.headers[REFILL_HEADER];
      return marker === secret;
    },

    mayAnswer(req, route) {
      return cacheKey(req, route) !== null;
    },

    serve(req, res, route) {
      const key = cacheKey(req, route);
      if (key === null) return false;
      const entry = pages.get(key);
      if (!entry) {
        res.setHeader(CACHE_STATUS_HEADER, "miss");
        if (req.method !== "GET") return false;
        // Answered from the stored pages instead, the page is offered to the copy there (offer()).
        if (askedOnce.has(key)) {
          askedAgain.set(req, generation);
          res.once("finish", () => res.statusCode === 200 && res.getHeader(CACHE_STATUS_HEADER) === "miss" && void refill(key));
        } else askedOnce.set(key, true);
        return false;
      }
      if (entry.etag && (req.headers["if-none-match"] || req.headers["if-modified-since"])) {
        if (fresh(req.headers, { etag: entry.etag })) {
          res.writeHead(304, entry.notModified).end();
          return true;
        }
      }
      const chosen = wantsGzip(req) ? gzipped(entry) : entry.identity;
      res.writeHead(200, chosen.headers);
      if (req.method === "HEAD") res.end();
      else res.end(chosen.body);
      return true;
    },

    fetchPage,

    offer(req, route, page) {
      const key = cacheKey(req, route);
      // A page read before an editor's change (a stored page, a listing written from its data) is
      // not kept after it: the change's forget() has passed, and nothing would drop it again.
      if (key === null || req.method !== "GET" || askedAgain.get(req) !== generation || pages.has(key)) return;
      const cacheControl = page.headers.find(([name]) => name === "cache-control")?.[1] ?? null;
      const maxAgeMs = sharedMaxAge(cacheControl) * 1000;
      if (maxAgeMs > 0) keep(key, { ...page, maxAgeMs });
    },

    forget(pathname) {
      generation++;
      for (const key of pages.keys()) {
        if (key === pathname || key.startsWith(`${pathname}?`)) pages.delete(key);
      }
    },
  };
}
