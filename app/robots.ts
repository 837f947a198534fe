import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

// APP_URL is known at run time, not at build time.
export const dynamic = "force-dynamic";

/**
 * Search results (`q=`, first or later among the parameters) are kept from
 * crawlers, as search engines advise for a site's own search: every query and
 * page of one is a new address, each costs a search (tens of ms of CPU at a
 * large archive), and none holds anything the papers' own pages, the
 * listings and the sitemap do not.
 */
const SEARCHES = ["/*?q=", "/*&q="];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/ko/admin", "/en/admin", "/api/", "/bench/", ...SEARCHES] },
    sitemap: `${env().APP_URL}/sitemap.xml`,
  };
}
