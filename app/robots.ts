import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

// APP_URL is known at run time, not at build time.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/ko/admin", "/en/admin", "/api/", "/bench/"] },
    sitemap: `${env().APP_URL}/sitemap.xml`,
  };
}
