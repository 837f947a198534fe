// The portal's HTTP server (`npm start` and `npm run dev` run it through the
// launcher): Next.js's own request handler, with publication page views
// counted as requests arrive (server/page-views.ts) and catalogue requests
// given their cache key (server/catalogue.ts), and hot publication pages
// answered from a short-lived copy (server/page-cache.ts). Doing this here
// rather than in proxy.ts keeps Next's proxy, and its cost, off the pages read
// most.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { EnvError, parseEnv } from "@/lib/env";
import { installPageCache } from "@/lib/http/page-cache-hook";
import { onStopRequest } from "@/lib/process/stop-requests";
import { pageViewCounter } from "@/lib/stats/page-view-hook";
import { markCatalogueRequest } from "./catalogue";
import { limitConnections } from "./connections";
import { limitDatabaseErrorLogs, OutageAwareResponse } from "./database-outage";
import { createForwarding } from "./forwarded";
import { guardRequest } from "./request-guard";
import { createPageCache } from "./page-cache";
import { countPageView } from "./page-views";

const dev = process.argv[2] === "dev";
// As `next start` and `next dev` do: the mode decides NODE_ENV, not the shell.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

async function main() {
  const { PORT, PAGE_CACHE_MB, TRUST_PROXY, APP_URL } = parseEnv(process.env);
  const forwarding = createForwarding({ trust: TRUST_PROXY, appUrl: APP_URL });
  const { default: next } = await import("next");
  // A page that fails while the database is unreachable answers 503 + Retry-After (server/database-outage.ts).
  const server = createServer({ ServerResponse: OutageAwareResponse });
  limitDatabaseErrorLogs();
  const connections = limitConnections(server);
  const app = next({ dev, port: PORT, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  // In development every request should show the code as it is now.
  const pages =
    !dev && PAGE_CACHE_MB > 0
      ? createPageCache({ origin: `http://127.0.0.1:${PORT}`, maxBytes: PAGE_CACHE_MB * 1024 * 1024 })
      : null;
  if (pages) installPageCache(pages);
  const toNext = (req: IncomingMessage, res: ServerResponse) =>
    handle(req, res).catch((e: unknown) => {
      console.error("[server] request failed:", e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  server.on("request", (req, res) => {
    // Who the client is, and where links point, are decided here and nowhere else.
    forwarding(req);
    if (pages?.isRefill(req)) return void toNext(req, res);
    if (guardRequest(req, res)) return;
    // Counted first: a page answered from the copy is a view like any other.
    countPageView(req);
    markCatalogueRequest(req);
    if (pages?.serve(req, res)) return;
    void toNext(req, res);
  });
  server.once("error", (e: NodeJS.ErrnoException) => {
    console.error(e.code === "EADDRINUSE" ? `[server] Port ${PORT} is already in use.` : `[server] ${e.message}`);
    process.exit(1);
  });
  server.listen(PORT, () => console.log(`[server] ${dev ? "development" : "production"} server on port ${PORT}`));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // In-flight requests finish (for a bounded time), and their views are counted, before the flush.
    await connections.drain();
    // Views still waiting go to the database before the process ends (while it is away, to the spool for the next start).
    await pageViewCounter()
      ?.flush()
      .catch(() => undefined);
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  // A signal, or the launcher gone without passing one on.
  onStopRequest(() => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : `[server] ${(e as Error).message}`);
  process.exit(1);
});
