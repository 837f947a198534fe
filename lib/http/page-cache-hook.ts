// The seam between the app and the server's page cache (server/page-cache.ts).
// The cache lives in the HTTP server, in front of Next.js; editors' actions run
// inside Next.js. An action that changes what a page shows tells the cache to
// drop that page here, next to its revalidatePath. The server installs the
// cache when it starts; with no cache (development, PAGE_CACHE_MB=0, plain
// `next start`) forgetting is a no-op.

export type PageCacheControl = {
  /** Drops every cached response for this path, whatever its query. */
  forget(pathname: string): void;
};

const KEY = Symbol.for("perspectives.pageCache");
const slot = globalThis as { [KEY]?: PageCacheControl };

export function installPageCache(control: PageCacheControl) {
  slot[KEY] = control;
}

export function forgetCachedPage(pathname: string) {
  slot[KEY]?.forget(pathname);
}
