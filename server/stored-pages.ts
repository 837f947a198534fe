// Papers' whole pages, kept in the database and answered from there, by any
// instance, before Next.js is asked to render them.
//
// Why: rendering a paper's page costs 40–80 ms of the server's CPU, and a
// portal's readers are spread over its whole archive (search engines, old
// links, a newsletter's readers following the related papers): most papers
// are read once in a while, never twice within the memory copy's seconds
// (page-cache.ts). A static site would have written every page out when it
// was published; so does this server, to the database the instances share:
// - a page Next.js answers for the first time is fetched again from Next's
//   fresh copy and stored (keepAfter);
// - every public paper's page in its own language is fetched and stored
//   ahead of any reader, while readers leave the server alone (startPrerendering;
//   server/reader-activity.ts says when), and again after it changes. Its pages in the other
//   languages, read far less, are stored when first read;
// - a stored page is answered with the hit figure of now put in
//   (lib/render/stored-page-marks.ts); one stored longer than REFRESH_AFTER_S is
//   still answered, and fetched anew behind it (its related papers and series
//   neighbours may have changed since);
// - a stored page is plain HTML, as the page copy fetches it (page-cache.ts).
// Any change to what a page shows drops it (database triggers, migration
// 20261130042551_stored_pages); a paper whose scheduled time came is no
// change, so every minute the pages that link to such papers are dropped
// (migration 20261130130000); and a page rendered before a change is not
// stored after it: it carries the epoch it was rendered at
// (lib/data/stored-pages.ts).
// A page stored by another build, or under another configuration (the site's
// address, mail), is not answered: its scripts and links are not this one's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { StoredPagesSide } from "@/lib/edge/bridge";
import type { Route } from "@/lib/edge/routes";
import type { StoredPageKey } from "@/lib/data/stored-pages";
import { renderedEpoch, withHitFigure } from "@/lib/render/stored-page-marks";
import { CACHE_STATUS_HEADER, wantsGzip, type PageCache } from "./page-cache";

const compress = promisify(gzip);

/** A stored page older than this is fetched anew after it is answered. */
const REFRESH_AFTER_S = 60 * 60;
/** Pages fetched and stored at once after readers' requests (the rest wait for a later request). */
const MAX_KEEPING = 2;
/** Pages listed per query while storing ahead of readers. */
const PRERENDER_BATCH = 20;
/** How long storing ahead waits while readers are being answered, and when nothing was missing. */
const PRERENDER_BUSY_MS = 200;
const PRERENDER_IDLE_MS = 60_000;
/** How often the pages that link to papers whose time came are looked for. */
const GONE_LIVE_EVERY_MS = 60_000;
/** Before the first pass: the server's first readers and the search indexer go first. */
const PRERENDER_START_MS = 5_000;

type Options = {
  side: StoredPagesSide;
  copies: PageCache;
  /** The build the server runs and the configuration its pages show (server/main.ts). */
  renderedBy: string;
};

export type StoredPages = {
  /** Answers a paper's page from the store; resolves false, having written nothing, when it is not there. */
  serve(req: IncomingMessage, res: ServerResponse, route: Route): Promise<boolean>;
  /** Once Next.js has answered a paper's page the store did not hold, fetches it again from Next's copy and stores it. */
  keepAfter(req: IncomingMessage, res: ServerResponse, route: Route): void;
  /**
   * Stores every public paper's page in its own language that this build has
   * not, two at a time, while `readersWaiting()` is false; returns a function
   * that stops it.
   */
  startPrerendering(
    readersWaiting: () => boolean,
    o?: {
      firstPassAfterMs?: number;
      /** Where a pass starts, given the last paper's id: after a random paper unless a test says. */
      startAt?: (lastPaperId: number) => number;
      /** How often to look for scheduled papers whose time came (a minute unless a test says). */
      goneLiveEveryMs?: number;
    },
  ): () => void;
};

/** Just after a paper picked at random. */
const randomStart = (lastPaperId: number) => Math.floor(Math.random() * lastPaperId);

const pathOf = (key: StoredPageKey) => `/${key.locale}/publications/${key.publicationId}`;

/**
 * The page a request asks for, written as the store names it (any query: the
 * page reads none, and a newsletter's links carry theirs); null for anything else.
 */
function storedKey(req: IncomingMessage, route: Route): StoredPageKey | null {
  if (route.kind !== "publication" || (req.method !== "GET" && req.method !== "HEAD")) return null;
  const key = { publicationId: route.publicationId, locale: route.locale };
  return req.url?.split("?", 1)[0] === pathOf(key) ? key : null;
}

/**
 * The stored answer's headers as a stored page is sent: without Next's
 * validator (its hit figure is no longer the one the ETag was made for) and
 * cache verdict, and varying by the encoding it may be sent in.
 */
function answerHeaders(headers: [string, string][]): [string, string][] {
  const kept = headers.filter(([name]) => name !== "etag" && name !== "x-nextjs-cache" && name !== "vary");
  const vary = headers.find(([name]) => name === "vary")?.[1];
  if (vary && /\baccept-encoding\b/i.test(vary)) return [...kept, ["vary", vary]];
  return [...kept, ["vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding"]];
}

export function createStoredPages({ side, copies, renderedBy }: Options): StoredPages {
  const keeping = new Set<string>();
  let warned = false;
  const report = (e: unknown) => {
    if (!warned) console.error("[stored-pages]", (e as Error).message);
    warned = true;
  };

  /** Fetches a page from Next.js and stores it; whether it was stored. */
  async function store(key: StoredPageKey): Promise<boolean> {
    const page = await copies.fetchPage(pathOf(key));
    if (!page) return false;
    const html = page.body.toString("utf8");
    // Rendered just after a change (or by a build without the mark): not stored.
    const epoch = renderedEpoch(html);
    if (epoch === null) return false;
    return side.write({ ...key, renderedBy, html, headers: page.headers, epoch });
  }

  function keep(key: StoredPageKey) {
    const path = pathOf(key);
    if (keeping.has(path) || keeping.size >= MAX_KEEPING) return;
    keeping.add(path);
    store(key)
      .catch(report)
      .finally(() => keeping.delete(path));
  }

  return {
    async serve(req, res, route) {
      const key = storedKey(req, route);
      if (!key || !copies.mayAnswer(req, route)) return false;
      const stored = await side.read(key, renderedBy).catch((e: unknown) => (report(e), null));
      // Gone while the store was read: nobody to answer, by the store or by Next.
      if (res.destroyed) return true;
      if (!stored) return false;
      if (stored.ageSeconds > REFRESH_AFTER_S) keep(key);
      const body = Buffer.from(withHitFigure(stored.html, stored.hits, key.locale));
      const replayed = answerHeaders(stored.headers);
      copies.offer(req, route, { headers: replayed, body });
      const gzipped = wantsGzip(req);
      const sent = gzipped ? await compress(body).catch(() => null) : body;
      // Not compressed (out of memory, say): Next answers instead.
      if (!sent) return false;
      const headers = [...replayed.flat(), CACHE_STATUS_HEADER, "stored", "content-length", String(sent.length)];
      res.writeHead(200, gzipped ? [...headers, "content-encoding", "gzip"] : headers);
      res.end(req.method === "HEAD" ? undefined : sent);
      return true;
    },

    keepAfter(req, res, route) {
      const key = storedKey(req, route);
      if (key && req.method === "GET" && copies.mayAnswer(req, route))
        res.once("finish", () => res.statusCode === 200 && keep(key));
    },

    startPrerendering(
      readersWaiting,
      { firstPassAfterMs = PRERENDER_START_MS, startAt = randomStart, goneLiveEveryMs = GONE_LIVE_EVERY_MS } = {},
    ) {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      const wait = (ms: number) =>
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, ms);
          timer.unref();
        });
      // Another instance may have stored it since the batch was listed, or be storing it now.
      const storeIfMissing = (key: StoredPageKey) => side.storeAheadAlone(key, renderedBy, () => store(key));
      /** Stores the missing pages of papers after `afterId` and before `beforeId`, in id order. */
      const storeMissing = async (afterId: number, beforeId?: number) => {
        for (;;) {
          const missing = await side.missing({ renderedBy, afterId, beforeId, limit: PRERENDER_BATCH });
          if (missing.length === 0) return;
          afterId = missing.at(-1)!.publicationId;
          // Two lanes: while Next renders one page, the other's is written to the database.
          const lane = async () => {
            for (let key = missing.shift(); key; key = missing.shift()) {
              while (readersWaiting() && !stopped) await wait(PRERENDER_BUSY_MS);
              if (stopped) return;
              await storeIfMissing(key).catch(report);
            }
          };
          await Promise.all([lane(), lane()]);
          if (stopped) return;
        }
      };
      // From a point of its own to the last paper, then from the first: instances sharing the
      // database store different pages at once, not the same ones side by side (a page one has
      // stored is no longer missing for the others when they get there).
      const pass = async () => {
        const start = startAt(await side.lastPaperId());
        await storeMissing(start);
        if (!stopped && start > 0) await storeMissing(0, start + 1);
      };
      // Pages that link to a paper whose time came are dropped (and stored again by the next pass),
      // on a timer of their own: a pass may wait long for readers to be answered.
      const goneLive = setInterval(() => void side.dropGoneLive().catch(report), goneLiveEveryMs);
      goneLive.unref();
      void (async () => {
        await wait(firstPassAfterMs);
        while (!stopped) {
          try {
            await pass();
          } catch (e) {
            report(e);
          }
          if (!stopped) await wait(PRERENDER_IDLE_MS);
        }
      })();
      return () => {
        stopped = true;
        clearTimeout(timer);
        clearInterval(goneLive);
      };
    },
  };
}
