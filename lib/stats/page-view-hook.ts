// The seam between the HTTP server (server/main.ts) and the app's hit counter.
// Publication pages are counted where requests arrive, before Next.js routes
// them: a page served from cache still counts, and no proxy runs for it. The
// counter itself (database, secrets) lives in the app bundle, which installs it
// here when the server starts (instrumentation.ts). No database access here.

/** The parts of a request the counting rules read. */
export type CountableRequest = {
  method: string;
  headers: Pick<Headers, "get" | "has">;
  cookieNames: string[];
};

export type PageViewCounter = {
  countView(request: CountableRequest, publicationId: number): void;
  /** At shutdown: writes buffered events, or keeps them for the next start if the database is away; the server awaits it. */
  flush(): Promise<void>;
};

const KEY = Symbol.for("perspectives.pageViewCounter");
const slot = globalThis as { [KEY]?: PageViewCounter };

export function installPageViewCounter(counter: PageViewCounter) {
  slot[KEY] = counter;
}

export function pageViewCounter(): PageViewCounter | undefined {
  return slot[KEY];
}
