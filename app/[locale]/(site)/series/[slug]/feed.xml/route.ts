import { FEED_HEADERS, getAtomFeed } from "@/lib/data/feeds";
import { isLocale } from "@/lib/i18n/routing";

// Read from the database on every request (with a short public cache); builds have no database.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const xml = isLocale(locale) ? await getAtomFeed(locale, slug) : null;
  if (xml === null) return new Response("Not found", { status: 404 });
  return new Response(xml, { headers: FEED_HEADERS });
}
