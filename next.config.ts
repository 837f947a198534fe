import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
// Relative: Next loads this file with its own TypeScript hook, which does not know the `@/` alias.
import { EDGE_REWRITES } from "./lib/edge/routes";
import { ISLANDS_DIR } from "./lib/render/island-files";
import { buildIslands } from "./scripts/lib/islands-bundle";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Read by `next build` and `next dev`. The production server (server/main.ts)
// does not load this file: it hands Next the configuration the build
// serialized (server/built-config.ts), so no TypeScript compiler starts there.
const config: NextConfig = {
  poweredByHeader: false,
  // Next's in-memory cache of rendered pages and data (50 MB by default). Hot
  // articles are answered from the server's own copy (server/page-cache.ts);
  // what is left here is mostly one entry per distinct catalogue query, which
  // searches can make endless. 16 MB keeps the hot ones, and keeps the server
  // under 400 MB under load (`npm run bench` measured 383–409 MB with 50).
  cacheMaxMemorySize: 16 * 1024 * 1024,
  reactStrictMode: true,
  // `npm test` checks the types in its first stage and says so here, so its
  // build does not check the same files a second time (scripts/test.ts).
  typescript: { ignoreBuildErrors: process.env.PERSPECTIVES_TYPES_CHECKED === "1" },
  typedRoutes: false,
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "@node-rs/argon2"],
  experimental: {
    // Pages and data rendered on demand (every article, every distinct catalogue
    // query) stay in Next's bounded in-memory cache instead of also being
    // written under .next/ for ever: a crawler sending endless distinct
    // searches must not be able to fill the disk.
    isrFlushToDisk: false,
  },
  // Baseline protection on every answer (the server's page copy replays them).
  // No script policy: Next's inline scripts would need a nonce per request,
  // which would make every page dynamic. HSTS belongs to the TLS-terminating
  // proxy in front, which knows whether the site is HTTPS-only.
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // No framing by other sites: the staff pages must not be clickjacked.
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'self'; base-uri 'self'; object-src 'none'" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
      // The islands' script: its name changes with its content (scripts/lib/islands-bundle.ts).
      {
        source: `/${ISLANDS_DIR}/:file*`,
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
      // The site's uploaded images (an SVG is a document a browser can open):
      // nothing runs and nothing loads, even if sanitizing missed something.
      // Listed after the rule above, so this policy is the one these answers carry.
      {
        source: "/:path(api/site/[^/]+|favicon\\.ico)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; sandbox" }],
      },
    ]);
  },
  rewrites() {
    // The edge's route table decides which requests these apply to (lib/edge/routes.ts).
    return Promise.resolve({ beforeFiles: EDGE_REWRITES, afterFiles: [], fallback: [] });
  },
};

export default function nextConfig(phase: string): NextConfig {
  // Every build and dev server writes the islands its pages load.
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) buildIslands();
  return withNextIntl(config);
}
