// The portal's HTTP server (`npm start` and `npm run dev` run it through the
// launcher): the edge in front of Next.js's own request handler. Every request
// passes, in order: the client decision (forwarded.ts), the route table
// (routing.ts, from lib/edge/routes.ts), the method guard (request-guard.ts),
// page-view counting (page-views.ts), the page copy (page-cache.ts), papers'
// stored pages (stored-pages.ts) and old sites' links (old-addresses.ts);
// listings and searches written here (catalogue-pages.ts); then Next.js,
// papers' pages a few at a time (render-gate.ts), reader pages
// sent without React (plain-pages.ts). Doing this
// here rather than in proxy.ts keeps Next's proxy, and its cost, off the pages
// read most, and counts views Next answers from its cache.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { attachServer, catalogueSide, redirectSide, storedPagesSide } from "@/lib/edge/bridge";
import { EnvError, parseEnv } from "@/lib/env";
import { onStopRequest } from "@/lib/process/stop-requests";
import { keepStartContext } from "@/lib/process/outside-requests";
import { formatAbortReasons } from "@/lib/process/abort-reasons";
import { listenForCountingSwitch } from "@/lib/stats/counting-switch";
import { applyBuiltConfig } from "./built-config";
import type { CataloguePages } from "./catalogue-pages";
import { limitConnections } from "./connections";
import { createOldAddressRedirects } from "./old-addresses";
import { limitDatabaseErrorLogs, OutageAwareResponse } from "./database-outage";
import { createForwarding } from "./forwarded";
import { createPageCache } from "./page-cache";
import { readerActivity } from "./reader-activity";
import { sendPlain } from "./plain-pages";
import { createRenderGate } from "./render-gate";
import { createStoredPages } from "./stored-pages";
import { countPageView } from "./page-views";
import { guardRequest } from "./request-guard";
import { routeRequest } from "./routing";
import { createSearchAdmission } from "./search-admission";
import { waitForApp } from "./wait-for-app";

// Before anything else: what outlives a request is made in this context, and no aborted request's
// Error keeps the requests after it (lib/process/outside-requests.ts, abort-reasons.ts).
keepStartContext();
formatAbortReasons();

const dev = process.argv[2] === "dev";
/** How long after the last reader was answered the server may store pages ahead again (server/reader-activity.ts). */
const READERS_QUIET_MS = 500;
// As `next start` and `next dev` do: the mode decides NODE_ENV, not the shell.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

// Until it serves, there is nothing to finish or write: a stop request ends the process at once.
let stop: () => Promise<void> = () => process.exit(0);
// A signal, or the parent (npm, or the launcher) gone without passing one on.
onStopRequest(() => void stop());

async function main() {
  const { PORT, PAGE_CACHE_MB, RENDERS_AT_ONCE, STORED_PAGES, TRUST_PROXY, APP_URL } = parseEnv(process.env);
  const forwarding = createForwarding({ trust: TRUST_PROXY, appUrl: APP_URL });
  // In development every request should show the code as it is now.
  const pages =
    !dev && PAGE_CACHE_MB > 0
      ? createPageCache({ origin: `http://127.0.0.1:${PORT}`, maxBytes: PAGE_CACHE_MB * 1024 * 1024 })
      : null;
  let catalogue: CataloguePages | null = null;
  // Before Next.js loads the app: the app checks at start that a server is there to count its views.
  attachServer({ forgetPage: (pathname) => pages?.forget(pathname), forgetCatalogue: () => catalogue?.forget() });
  if (!dev) applyBuiltConfig();
  const { default: next } = await import("next");
  // A page that fails while the database is unreachable answers 503 + Retry-After (server/database-outage.ts).
  const server = createServer({ ServerResponse: OutageAwareResponse });
  limitDatabaseErrorLogs();
  const connections = limitConnections(server);
  const nextApp = next({ dev, port: PORT, httpServer: server });
  const handle = nextApp.getRequestHandler();
  await nextApp.prepare();
  // Next.js runs instrumentation.ts while it prepares; in development it may come with the first compile.
  const app = await waitForApp();
  const oldAddresses = createOldAddressRedirects({ redirects: redirectSide(), appUrl: APP_URL });
  const inTurn = createRenderGate(RENDERS_AT_ONCE);
  // Listings and searches take turns of their own: a slow search never holds up a paper's page.
  const catalogueInTurn = createRenderGate(RENDERS_AT_ONCE);
  const cacheSearch = createSearchAdmission();
  // Readers' requests being answered (not the server's own fetches).
  const readers = readerActivity();
  const side = storedPagesSide();
  const stored =
    pages && side && STORED_PAGES ? createStoredPages({ side, copies: pages, renderedBy: renderedBy(side.configuration) }) : null;
  // In development, listings are rendered by Next, to show edits to their components at once.
  const catalogueReader = catalogueSide();
  if (pages && catalogueReader && !dev) {
    // Loaded now, in a file of its own (server-bundle.ts): React reads NODE_ENV, set above, as it loads,
    // and a static import would load it before any of this file runs, as its development build.
    const { createCataloguePages } = await import("./catalogue-pages");
    catalogue = createCataloguePages({ side: catalogueReader, copies: pages });
  }
  const toNext = (req: IncomingMessage, res: ServerResponse) =>
    handle(req, res).catch((e: unknown) => {
      console.error("[server] request failed:", e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  server.on("request", (req, res) => {
    // Who the client is, and where links point, are decided here and nowhere else.
    forwarding(req);
    if (pages?.isRefill(req)) {
      // Routed as a reader's request is: a listing is read from its cached page (catalogue-pages.ts's frame).
      routeRequest(req);
      return void toNext(req, res);
    }
    readers.begin();
    res.once("close", () => readers.end());
    const route = routeRequest(req, cacheSearch);
    if (guardRequest(req, res)) return;
    // Counted first: a page answered from the copy is a view like any other.
    countPageView(app, req, route);
    if (pages?.serve(req, res, route)) return;
    // An old site's link gets its 301 here; an unknown one goes on to Next.js for its 404.
    const redirecting = oldAddresses(req, res, route);
    if (redirecting) return void redirecting.then((answered) => (answered ? undefined : toNext(req, res)));
    // Reader pages go out without React (in development, as Next renders them, to reload on edits).
    const toNextPlain = () => {
      if (!dev) sendPlain(req, res);
      void toNext(req, res);
    };
    if (route.kind === "catalogue") {
      const written = catalogue;
      if (!written) return catalogueInTurn(res, toNextPlain);
      return catalogueInTurn(res, () => {
        void written.serve(req, res, route).then((answered) => answered || toNextPlain());
      });
    }
    if (route.kind !== "publication") return void (route.kind === "other" && route.plain ? toNextPlain() : toNext(req, res));
    const render = () => {
      stored?.keepAfter(req, res, route);
      inTurn(res, toNextPlain);
    };
    if (!stored) return render();
    void stored.serve(req, res, route).then((answered) => answered || render());
  });
  server.once("error", (e: NodeJS.ErrnoException) => {
    console.error(e.code === "EADDRINUSE" ? `[server] Port ${PORT} is already in use.` : `[server] ${e.message}`);
    process.exit(1);
  });
  server.listen(PORT, () => console.log(`[server] ${dev ? "development" : "production"} server on port ${PORT}`));
  // Only the benchmark's crossover, through an IPC channel it opened, pauses counting (lib/stats/counting-switch.ts).
  listenForCountingSwitch();
  // Pages are stored ahead of readers only once no reader has been answered for a moment.
  const stopPrerendering = stored?.startPrerendering(() => readers.busy(READERS_QUIET_MS));

  let stopping = false;
  stop = async () => {
    if (stopping) return;
    stopping = true;
    stopPrerendering?.();
    // In-flight requests finish (for a bounded time), and their views are counted, before the flush.
    await connections.drain();
    // Views still waiting go to the database before the process ends (while it is away, to the spool for the next start).
    await app.flush().catch(() => undefined);
    await nextApp.close().catch(() => undefined);
    process.exit(0);
  };
}

/**
 * Names what a stored page was rendered by: this build (a page stored by
 * another names scripts this one does not have) and the configuration the page
 * shows (the app's side says which).
 */
function renderedBy(configuration: string): string {
  const build = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  return createHash("sha256").update(`${build}\n${configuration}`).digest("base64url").slice(0, 32);
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : `[server] ${(e as Error).message}`);
  process.exit(1);
});
