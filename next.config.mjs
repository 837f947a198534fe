import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// JavaScript, not TypeScript, on purpose: a TypeScript config makes every
// server start load Next's native compiler (SWC, ~30 MB and its threads) just
// to read this file.
/** @type {import("next").NextConfig} */
const config = {
  // The launcher and tests always know the database at run time; builds must not need it.
  poweredByHeader: false,
  // Next's in-memory cache of rendered pages and data (50 MB by default). Hot
  // articles are answered from the server's own copy (server/page-cache.ts);
  // what is left here is mostly one entry per distinct catalogue query, which
  // searches can make endless. 16 MB keeps the hot ones, and keeps the server
  // under 400 MB under load (`npm run bench` measured 383–409 MB with 50).
  cacheMaxMemorySize: 16 * 1024 * 1024,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2"],
  // Keep the router's headers (Next-Router-Prefetch among them) visible to proxy.ts: prefetches must not count as views.
  skipProxyUrlNormalize: true,
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
  async headers() {
    return [
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
    ];
  },
  async rewrites() {
    return {
      // The catalogue is served from a cached page per validated, canonical
      // query; the server (server/catalogue.ts) names it in this header.
      beforeFiles: [
        {
          source: "/:locale(ko|en)/publications",
          has: [{ type: "header", key: "x-perspectives-listing-key", value: "(?<key>[A-Za-z0-9_-]+)" }],
          destination: "/:locale/publications/view/:key",
        },
      ],
    };
  },
};

export default withNextIntl(config);
