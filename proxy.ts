import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { countView } from "@/lib/stats/count-request";
import { listingKey } from "@/lib/validations/listing-key";

const intl = createMiddleware(routing);
const PUBLICATION_PAGE = /^\/(?:ko|en)\/publications\/([1-9]\d{0,9})\/?$/;
const CATALOGUE = /^\/(ko|en)\/publications\/?$/;

/**
 * Locale routing, and hit counting for publication pages. Counting happens
 * here, for the request itself, so a page served from cache or to a browser
 * without JavaScript is counted too; it runs after the response is handed back.
 */
export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = intl(request);
  // The catalogue is served from a cached page per (validated, canonical) query.
  const catalogue = CATALOGUE.exec(request.nextUrl.pathname);
  if (catalogue && request.method === "GET" && response.status < 300) {
    const key = listingKey(request.nextUrl.searchParams);
    if (key) return NextResponse.rewrite(new URL(`/${catalogue[1]}/publications/view/${key}`, request.url));
  }
  const id = PUBLICATION_PAGE.exec(request.nextUrl.pathname)?.[1];
  if (id && response.status < 300) {
    const incoming = {
      method: request.method,
      headers: request.headers,
      cookieNames: request.cookies.getAll().map((c) => c.name),
    };
    event.waitUntil(countView(incoming, Number(id)).catch((e: unknown) => console.error("[stats] recording a view failed:", e)));
  }
  return response;
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|bench/|sitemap\\.xml|robots\\.txt|.*\\.[a-z0-9]+$).*)"],
};
