// The catalogue's listings and searches written by the server itself, not by
// Next.js: the results (components/catalogue/catalogue-results.tsx, the same
// component Next renders them with) with React's own server renderer, inside
// the page around them as Next last rendered it for the plain listing (its
// head, menus, heading and footer, kept here for a few seconds).
//
// Why: every page Next renders costs this server 20–25 ms of CPU whatever it
// shows (its component data, then the HTML from it, then React cut out again:
// plain-pages.ts), and a catalogue query asked for the first time (a search,
// a filter crawled once) is always rendered. Written here, a listing costs a
// few milliseconds, most of them its queries (`npm run bench`, README
// Performance).
//
// What differs between two listings of one language is only the results and
// the addresses in the head (canonical, hreflang), which are the query's. The
// page around them changes with an editor's change (a series in the menus, the
// institution's name), which drops it here at once (lib/edge/bridge.ts
// forgetCatalogue); other instances drop theirs within a second
// (lib/revalidation/other-instances.ts), or within the few seconds it is kept.
//
// A listing asked for again within seconds (the catalogue's first page, a
// search everyone makes) is answered from the page copy (page-cache.ts), as a
// paper's page is; every editor's change drops those copies too.
//
// Anything unexpected (the app not ready, the database away, a page without
// the marks looked for) leaves the request to Next.js, which answers as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import escapeHtml from "escape-html";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CatalogueResults } from "@/components/catalogue/catalogue-results";
import type { CatalogueSide } from "@/lib/edge/bridge";
import type { Route as AnyRoute } from "@/lib/edge/routes";
import { locales, type Locale } from "@/lib/i18n/routing";
import { translator } from "@/lib/i18n/translator";
import { listingSearch, parseListingKey } from "@/lib/validations/listing-key";
import { CACHE_STATUS_HEADER, readerPageRequest, wantsGzip, type FetchedPage, type PageCache } from "./page-cache";
import { sendPage } from "./plain-pages";

/** How long the page around the results is kept before it is fetched again. */
const SHELL_TTL_MS = 2000;
/** Headers of the plain listing not replayed: they describe that answer, not this one. */
const NOT_REPLAYED = new Set(["etag", "content-length", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"]);
/** Headers of a written listing the page copy does not keep: it sets them per answer. */
const NOT_KEPT = new Set(["content-length", "content-encoding", CACHE_STATUS_HEADER]);

const RESULTS_START = '<div class="catalogue">';
const RESULTS_END = "</main>";
// The head's canonical and hreflang links, written by Next from lib/seo/alternates.ts, without a query on the plain listing.
const QUERY_LINKS = /(<link rel="(?:canonical|alternate)"(?: hrefLang="[^"]*")? href="[^"]*\/publications)(")/g;

type Shell = { headers: [string, string][]; head: string; before: string; after: string };
type Route = Extract<AnyRoute, { kind: "catalogue" }>;

export type CataloguePages = {
  /** Answers a listing and resolves true, or resolves false having written nothing: Next.js answers it. Never rejects. */
  serve(req: IncomingMessage, res: ServerResponse, route: Route): Promise<boolean>;
  /** Drops the pages around the results (an editor's change). */
  forget(): void;
};

/** The plain listing cut where the query's parts go; null if it is not shaped as expected. */
function toShell(page: FetchedPage): Shell | null {
  const html = page.body.toString("utf8");
  const headEnd = html.indexOf("</head>");
  const start = html.indexOf(RESULTS_START, headEnd);
  const end = html.indexOf(RESULTS_END, start);
  if (headEnd === -1 || start === -1 || end === -1) return null;
  return {
    headers: page.headers.filter(([name]) => !NOT_REPLAYED.has(name)),
    head: html.slice(0, headEnd),
    before: html.slice(headEnd, start),
    after: html.slice(end),
  };
}

/**
 * @param copies the page copy (page-cache.ts): it fetches the plain listing from Next.js (not counted) and
 *   keeps the listings asked for again
 */
export function createCataloguePages({
  side,
  copies,
}: {
  side: CatalogueSide;
  copies: Pick<PageCache, "fetchPage" | "offer" | "forget">;
}): CataloguePages {
  const shells = new Map<Locale, { shell: Promise<Shell | null>; until: number }>();
  // Bumped by forget(): a page fetched before an editor's change is not kept after it.
  let generation = 0;
  let warned = false;

  function shellOf(locale: Locale): Promise<Shell | null> {
    const kept = shells.get(locale);
    if (kept && kept.until > Date.now()) return kept.shell;
    const startedAt = generation;
    const shell = copies.fetchPage(`/${locale}/publications`).then((page) => (page ? toShell(page) : null));
    shells.set(locale, { shell, until: Date.now() + SHELL_TTL_MS });
    // Not kept: a failure is asked again next time, and a page from before a change is not kept after it.
    void shell.then((s) => {
      if ((!s || startedAt !== generation) && shells.get(locale)?.shell === shell) shells.delete(locale);
    });
    return shell;
  }

  return {
    async serve(req, res, route) {
      // HEAD, Next's navigation data, previews: Next's own answer.
      if (req.method !== "GET" || !readerPageRequest(req)) return false;
      const parsed = parseListingKey(route.key);
      if (!parsed) return false;
      try {
        return await write(req, res, route, parsed);
      } catch (e) {
        // A defect, not the database (a failed read is Next's to answer): said once, not per request.
        if (!warned) console.error("[catalogue] writing a listing failed; Next.js renders them meanwhile:", e);
        warned = true;
        return res.headersSent;
      }
    },

    forget() {
      generation++;
      shells.clear();
      for (const locale of locales) copies.forget(`/${locale}/publications`);
    },
  };

  async function write(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    { query, problems }: NonNullable<ReturnType<typeof parseListingKey>>,
  ): Promise<boolean> {
    const { locale } = route;
    // The database away, or the app not ready: Next answers (a 503 while the database is away, database-outage.ts).
    const [shell, data] = await Promise.all([shellOf(locale), side.load(locale, query).catch(() => null)]);
    // Gone meanwhile: nobody to answer, here or by Next.
    if (!shell || !data || res.destroyed) return res.destroyed;
    const results = renderToStaticMarkup(
      createElement(CatalogueResults, {
        locale,
        basePath: `/${locale}/publications`,
        query,
        problems,
        data,
        t: { listing: translator(locale, "Listing"), pagination: translator(locale, "Pagination") },
      }),
    );
    const search = escapeHtml(listingSearch(query));
    const head = search ? shell.head.replace(QUERY_LINKS, (_, link: string, end: string) => link + search + end) : shell.head;
    res.statusCode = 200;
    for (const [name, value] of shell.headers) res.setHeader(name, value);
    // Where the answer came from, as the page copy says "hit" and the stored pages "stored".
    res.setHeader(CACHE_STATUS_HEADER, "written");
    const page = Buffer.from(head + shell.before + results + shell.after);
    await sendPage(req, res, page, wantsGzip(req), (body) => (body ? res.end(body) : res.end()), true);
    // Kept if asked for before (page-cache.ts decides), with the validator and names it was sent with.
    const headers = Object.entries(res.getHeaders())
      .filter(([name]) => !NOT_KEPT.has(name))
      .map(([name, value]): [string, string] => [name, String(value)]);
    copies.offer(req, route, { headers, body: page });
    return true;
  }
}
