import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { listingKey } from "@/lib/validations/listing-key";

const intl = createMiddleware(routing);
const CATALOGUE = /^\/(ko|en)\/publications\/?$/;

/**
 * Locale routing (next-intl), and the catalogue's cache key. Publication pages
 * and their files never come here (see the matcher): their URLs carry the
 * locale, their pages set it themselves, and their views are counted by the
 * HTTP server (server/page-views.ts), so the proxy's cost stays off the pages
 * read most.
 */
export default function proxy(request: NextRequest) {
  // The catalogue is served from a cached page per (validated, canonical) query;
  // its URL carries the locale too, so next-intl has nothing to decide.
  const catalogue = CATALOGUE.exec(request.nextUrl.pathname);
  if (catalogue && request.method === "GET") {
    const key = listingKey(request.nextUrl.searchParams);
    if (key) return NextResponse.rewrite(new URL(`/${catalogue[1]}/publications/view/${key}`, request.url));
  }
  return intl(request);
}

export const config = {
  // Everything but API routes, Next internals, files with an extension, and
  // publication pages and their files (/{locale}/publications/{id}[/files/{id}]).
  matcher: [
    "/((?!api|_next|_vercel|bench/|sitemap\\.xml|robots\\.txt|(?:ko|en)/publications/[1-9][0-9]*(?:/files/[0-9]+)?$|.*\\.[a-z0-9]+$).*)",
  ],
};
