import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

/**
 * Locale routing (next-intl): `/` and paths without a locale are sent to the
 * reader's language. The pages read most never come here (see the matcher):
 * publication pages and their files carry the locale in their URL and set it
 * themselves, and their views are counted by the HTTP server
 * (server/page-views.ts); catalogue requests the server has given a cache key
 * are rewritten by next.config.mjs. So the proxy's cost stays off them.
 */
export default createMiddleware(routing);

export const config = {
  matcher: [
    {
      // Everything but API routes, Next internals, files with an extension, and
      // publication pages and their files (/{locale}/publications/{id}[/files/{id}]).
      source:
        "/((?!api|_next|_vercel|bench/|sitemap\\.xml|robots\\.txt|(?:ko|en)/publications/[1-9][0-9]*(?:/files/[0-9]+)?$|.*\\.[a-z0-9]+$).*)",
      // Kept in step with server/catalogue.ts.
      missing: [{ type: "header", key: "x-perspectives-listing-key" }],
    },
  ],
};
