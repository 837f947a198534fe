// The one seam between the portal's HTTP server (server/) and the app that
// Next.js runs. They share a process but not a module graph (Next bundles the
// app), so the seam is a single typed slot on globalThis:
// - the server attaches first, before it loads Next.js: it owns the page copy,
//   which editors' actions must be able to drop;
// - the app attaches from instrumentation.ts while Next prepares (before the
//   server listens): it owns counting, which needs the database and secrets,
//   the answer to old sites' links (lib/legacy-urls/), the store of papers'
//   pages (lib/data/stored-pages.ts) and the catalogue's reading
//   (lib/data/catalogue-page.ts), which need the database.
// Without the portal's server (plain `next start`) the server side is never
// attached: the app says so at start and on the statistics page.
import type { loadCatalogue } from "@/lib/data/catalogue-page";
import type {
  dropPagesLinkingToPapersGoneLive,
  lastPaperId,
  listMissingStoredPages,
  readStoredPage,
  storeAheadAlone,
  writeStoredPage,
} from "@/lib/data/stored-pages";
import type { CountableRequest } from "@/lib/stats/counting-rules";
import type { Use } from "@/lib/stats/count-request";

export type ServerSide = {
  /** Drops every copy of this page the server keeps, whatever its query. */
  forgetPage(pathname: string): void;
  /** Drops what the server keeps of the pages around the catalogue's results (an editor's change may show there). */
  forgetCatalogue(): void;
};

export type AppSide = {
  /** The one door into counting, for views (from the server) and downloads (from the file route). */
  count(request: CountableRequest, use: Use): void;
  /** At shutdown: writes buffered events, or keeps them for the next start if the database is away. */
  flush(): Promise<void>;
};

/** The app's answer to an old site's links (lib/legacy-urls/), which needs the database. */
export type RedirectSide = {
  /** The path on this site an old address (path and query) now lives at, or null when it names nothing. */
  targetOf(url: string): Promise<string | null>;
};

/** The app's store of papers' whole pages (lib/data/stored-pages.ts), which needs the database. */
export type StoredPagesSide = {
  read: typeof readStoredPage;
  write: typeof writeStoredPage;
  missing: typeof listMissingStoredPages;
  storeAheadAlone: typeof storeAheadAlone;
  lastPaperId: typeof lastPaperId;
  dropGoneLive: typeof dropPagesLinkingToPapersGoneLive;
  /** The configuration a paper's page shows, as one string: pages rendered under another are not answered. */
  configuration: string;
};

/** The app's reading of the catalogue, for the listings the server writes itself (server/catalogue-pages.ts). */
export type CatalogueSide = { load: typeof loadCatalogue };

type Bridge = {
  server?: ServerSide;
  app?: AppSide;
  redirects?: RedirectSide;
  storedPages?: StoredPagesSide;
  catalogue?: CatalogueSide;
};

const KEY = Symbol.for("perspectives.edge-bridge");
const slot = globalThis as { [KEY]?: Bridge };
const bridge = (): Bridge => (slot[KEY] ??= {});

export function attachServer(side: ServerSide) {
  bridge().server = side;
}

export function attachApp(side: AppSide) {
  bridge().app = side;
}

/** Attached from instrumentation.ts, before the counter (so the server, which waits for the counter, finds it). */
export function attachRedirects(side: RedirectSide) {
  bridge().redirects = side;
}

/** The app's answer to old links, once instrumentation.ts has run. */
export function redirectSide(): RedirectSide | undefined {
  return bridge().redirects;
}

/** Attached from instrumentation.ts, before the counter, as the redirects are. */
export function attachStoredPages(side: StoredPagesSide) {
  bridge().storedPages = side;
}

/** The app's store of papers' pages, once instrumentation.ts has run. */
export function storedPagesSide(): StoredPagesSide | undefined {
  return bridge().storedPages;
}

/** Attached from instrumentation.ts, before the counter, as the redirects are. */
export function attachCatalogue(side: CatalogueSide) {
  bridge().catalogue = side;
}

/** The app's reading of the catalogue, once instrumentation.ts has run. */
export function catalogueSide(): CatalogueSide | undefined {
  return bridge().catalogue;
}

/** The app's side, once instrumentation.ts has run. */
export function appSide(): AppSide | undefined {
  return bridge().app;
}

/** Whether this process runs under the portal's own server, which counts page views. */
export function hasPortalServer(): boolean {
  return bridge().server !== undefined;
}

/** Drops the server's copies of a page an editor changed; nothing to drop without the server. */
export function forgetCachedPage(pathname: string) {
  bridge().server?.forgetPage(pathname);
}

/** Drops what the server keeps around the catalogue's results; nothing to drop without the server. */
export function forgetCataloguePages() {
  bridge().server?.forgetCatalogue();
}
