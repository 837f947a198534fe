// The edge's route table: the one place that knows which requests are
// publication pages, file downloads and catalogue queries, which of them are
// counted as views, which the server's page copy may keep, and which skip
// Next's proxy. The portal's server (server/routing.ts) applies it to every
// request and writes its decision into ROUTE_HEADER and LISTING_KEY_HEADER;
// proxy.ts's matcher and next.config.ts's rewrite only read those headers, so
// no path pattern or locale is written anywhere else.
//
// Relative imports: next.config.ts loads this file with Next's own
// TypeScript hook, which does not know the `@/` alias.
import { locales, type Locale } from "../i18n/routing";
import { listingKey } from "../validations/listing-key";

/** A database id as URLs write it: decimal, no sign or leading zero, at most 10 digits. */
export const ID_PATTERN = "[1-9][0-9]{0,9}";

/** Set by the server on the requests it has routed itself; proxy.ts's matcher skips them. */
export const ROUTE_HEADER = "x-perspectives-route";
/** Names a catalogue request's cached page; next.config.ts rewrites the request to it. */
export const LISTING_KEY_HEADER = "x-perspectives-listing-key";
/** Where the rewrite sends a catalogue request the server has given a key: a page cached per key. */
const LISTING_KEY_VALUE = "[A-Za-z0-9_-]+";

const LOCALE_CHOICE = locales.join("|");
const LOCALE = `(${LOCALE_CHOICE})`;
const PUBLICATION = new RegExp(`^/${LOCALE}/publications/(${ID_PATTERN})$`);
const FILE = new RegExp(`^/${LOCALE}/publications/(${ID_PATTERN})/files/(${ID_PATTERN})$`);
const CATALOGUE = new RegExp(`^/${LOCALE}/publications$`);

// The other reader pages nothing in the browser needs React for: the front page, a series', a
// topic's and an author's papers, the privacy and accessibility statements, and the catalogue
// when its query is too long for a cache key (otherwise the route "catalogue" names it).
const PLAIN_PAGE = new RegExp(`^/${LOCALE}(?:/publications|/(?:series|topics|authors)/[^/]+|/privacy|/accessibility)?$`);

export type Route =
  /** A paper's page: a view when a person asks for it, and kept in the server's page copy. */
  | { kind: "publication"; publicationId: number; locale: Locale }
  /** A paper's file: counted by its route handler once the file is actually served. */
  | { kind: "file"; publicationId: number; attachmentId: number }
  /** The catalogue with a valid query: served from its cached page, named by the key. `search`: it has words to find. */
  | { kind: "catalogue"; key: string; search: boolean; locale: Locale }
  /**
   * Anything else: Next.js routes it, through the proxy's locale negotiation.
   * `plain`: a reader page the server sends without React (server/plain-pages.ts).
   */
  | { kind: "other"; plain?: true };

const OTHER: Route = { kind: "other" };
const PLAIN: Route = { kind: "other", plain: true };

/** The path a request names, %-escapes decoded, or null when one is malformed (server/request-guard.ts refuses it). */
export function decodedPath(url: string): string | null {
  const end = url.search(/[?#]/);
  const raw = end === -1 ? url : url.slice(0, end);
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The route of a request target (path and query). Matched on the decoded
 * path, as Next.js matches its routes: `/en/publications/%31%32` is paper 12
 * to the page, so it is paper 12 here too (and counted).
 */
export function routeOf(method: string, url: string): Route {
  const path = decodedPath(url);
  if (path === null) return OTHER;
  let m = PUBLICATION.exec(path);
  if (m) return { kind: "publication", publicationId: Number(m[2]), locale: m[1] as Locale };
  m = FILE.exec(path);
  if (m) return { kind: "file", publicationId: Number(m[2]), attachmentId: Number(m[3]) };
  m = method === "GET" ? CATALOGUE.exec(path) : null;
  if (m) {
    const query = url.indexOf("?");
    const params = new URLSearchParams(query === -1 ? "" : url.slice(query + 1));
    const key = listingKey(params);
    if (key) return { kind: "catalogue", key, search: (params.get("q") ?? "").trim() !== "", locale: m[1] as Locale };
  }
  return PLAIN_PAGE.test(path) ? PLAIN : OTHER;
}

// The portal's own addresses: its pages (all under a locale), API routes,
// Next's, the islands' (public/islands) and the benchmark's files, and the
// files the app serves at the root. Anything else is not a page here, so it
// may be an old site's link.
const OWN_PATH = new RegExp(
  `^/(?:(?:${LOCALE_CHOICE}|api|_next|_vercel|islands|bench)(?:/|$)|(?:favicon\\.ico|robots\\.txt|sitemap\\.xml)$)`,
);

/** Whether a (decoded) path is one of the portal's own, which no redirect may take over. */
export function isPortalPath(path: string): boolean {
  return path === "/" || OWN_PATH.test(path);
}

/**
 * Whether the server asks the app for an old site's redirect before Next.js
 * answers: a read of a path the portal does not own ("/" only with a query,
 * an old "/?p=123"). Old links under a locale ("/en/old-page") are left to
 * Next.js: looking up every page read in the database would slow them all.
 */
export function mayBeOldAddress(method: string, url: string, route: Route): boolean {
  if (route.kind !== "other" || (method !== "GET" && method !== "HEAD")) return false;
  const path = decodedPath(url);
  if (path === null) return false;
  return path === "/" ? /\?./.test(url) : !isPortalPath(path);
}

// Which methods each kind of path answers, first match wins (server/request-guard.ts
// refuses the rest before Next.js). Pages answer GET and HEAD, and POST only
// where a form (a server action) posts back to them; route handlers answer
// what they export. A paper's page has no form of its own: its Send Email
// posts to a route handler beside it.
const READ = ["GET", "HEAD"] as const;
export const FORMS = ["GET", "HEAD", "POST"] as const;
/** A route handler's own posts under a page's path: no server action, so no Next-Action header (server/request-guard.ts). */
const HANDLER_POSTS = ["GET", "HEAD", "POST"] as const;
const LOCALISED = `/${LOCALE}`;
const METHODS: [RegExp, readonly string[]][] = [
  // A paper's "Send Email" form (islands/send-email.ts).
  [new RegExp(`^${LOCALISED}/publications/${ID_PATTERN}/email$`), HANDLER_POSTS],
  [/^\/api\/auth\//, FORMS],
  [/^\/api\/admin\/publications\/[^/]+\/attachments\/?$/, FORMS],
  [/^\/api\/admin\/publications\/[^/]+\/attachments\/[^/]+\/?$/, ["PUT", "DELETE"]],
  // The site's images: read by everyone, replaced by admins (PUT: a server action could not take a 2 MB share image).
  [/^\/api\/site\/[^/]+\/?$/, ["GET", "HEAD", "PUT"]],
  // An instance telling itself of another's change (lib/revalidation/other-instances.ts).
  [/^\/api\/internal\/reader-pages$/, ["POST"]],
  // One-click unsubscribe (RFC 8058): mail programs POST here without any page's script.
  [/^\/api\/alerts\/unsubscribe$/, FORMS],
  [/^\/api\//, READ],
  [new RegExp(`^${LOCALISED}/admin/(?:stats/export/|alerts/export$)`), READ],
  [new RegExp(`^${LOCALISED}/(?:admin|sign-in|alerts)(?:/|$)`), FORMS],
];

/** The methods a (decoded) path answers. */
export function allowedMethods(path: string): readonly string[] {
  return METHODS.find(([pattern]) => pattern.test(path))?.[1] ?? READ;
}

/**
 * The headers that carry the server's decision to proxy.ts's matcher and to
 * the rewrite. A catalogue request not to be `cached` keeps its route (no
 * proxy) but gets no key: Next renders it for this request only.
 */
export function routeHeaders(route: Route, { cached = true } = {}): Record<string, string> {
  if (route.kind === "other") return {};
  if (route.kind === "catalogue" && cached) return { [ROUTE_HEADER]: route.kind, [LISTING_KEY_HEADER]: route.key };
  return { [ROUTE_HEADER]: route.kind };
}

/**
 * Whether the server's page copy may answer this request: a publication page
 * or a catalogue query as links write them (no %-escapes in the path, so an
 * editor's change, which drops a page by its path, drops every copy), and not
 * Next's RSC payload.
 */
export function mayKeepCopy(route: Route, url: string): boolean {
  if (route.kind !== "publication" && route.kind !== "catalogue") return false;
  const end = url.indexOf("?");
  return !(end === -1 ? url : url.slice(0, end)).includes("%") && !url.includes("_rsc=");
}

/** The rewrites next.config.ts hands Next.js: a keyed catalogue request reads its cached page. */
export const EDGE_REWRITES = [
  {
    source: `/:locale(${LOCALE_CHOICE})/publications`,
    has: [{ type: "header" as const, key: LISTING_KEY_HEADER, value: `(?<key>${LISTING_KEY_VALUE})` }],
    destination: "/:locale/publications/view/:key",
  },
];

/**
 * proxy.ts's matcher, as Next.js must read it (a literal in proxy.ts, which
 * tests/edge-routes.test.ts checks against this one): the proxy runs for
 * pages, never for API routes, Next's own files or files with an extension,
 * and not for what the server has routed itself. Under plain `next start`
 * (no portal server, so no header) it runs for every page, which is correct,
 * only slower.
 */
export const PROXY_MATCHER = [
  {
    // /bench/: the benchmark's ceiling page, which has no locale (present only in the benchmark's build).
    source: "/((?!api/|_next/|_vercel/|bench/|.*\\.[a-z0-9]+$).*)",
    missing: [{ type: "header" as const, key: ROUTE_HEADER }],
  },
];
