import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

/**
 * Locale routing (next-intl): `/` and paths without a locale are sent to the
 * reader's language. It does not run for the requests the portal's server has
 * routed itself (publication pages, their files, catalogue queries: see
 * lib/edge/routes.ts), which carry their locale in their URL.
 */
export default createMiddleware(routing);

// Next.js reads this literally, without running code, so it cannot import
// lib/edge/routes.ts: it is that file's PROXY_MATCHER, written out, and
// tests/edge-routes.test.ts fails when the two differ.
export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/|_vercel/|bench/|.*\\.[a-z0-9]+$).*)",
      missing: [{ type: "header", key: "x-perspectives-route" }],
    },
  ],
};
