import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  // The launcher and tests always know the database at run time; builds must not need it.
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2"],
  // Keep the router's headers (Next-Router-Prefetch among them) visible to proxy.ts: prefetches must not count as views.
  skipProxyUrlNormalize: true,
};

export default withNextIntl(config);
