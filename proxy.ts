import type { NextFetchEvent, NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import { countView } from "@/lib/stats/count-request";

const intl = createMiddleware(routing);
const PUBLICATION_PAGE = /^\/(?:ko|en)\/publications\/([1-9]\d{0,9})\/?$/;

/**
 * Locale routing, and hit counting for publication pages. Counting happens
 * here, for the request itself, so a page served from cache or to a browser
 * without JavaScript is counted too; it runs after the response is handed back.
 */
export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = intl(request);
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
