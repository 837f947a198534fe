import { ImageResponse } from "next/og";
import { getCitationData } from "@/lib/data/citations";
import { getSiteSettings } from "@/lib/data/site-settings";
import { notFoundText } from "@/lib/http/responses";
import { publicationRouteParams } from "@/lib/http/route-params";
import { authorName } from "@/lib/i18n/localized";
import { typesetCard } from "@/lib/seo/card-fonts";
import { CARD_SIZE } from "@/lib/seo/publication-card";
import { PublicationCard } from "../_components/publication-card";

type Context = { params: Promise<{ locale: string; id: string }> };

// Cached like the page (Next's incremental cache): rendered once, then at most
// every few seconds in the background however often crawlers ask.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

/**
 * The paper's link-preview card (og:image, twitter:image), 1200×630 PNG. Only
 * under its canonical page: the other language's URL is a 404, so each paper
 * has one card to render and cache.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const route = await publicationRouteParams(params);
  if (!route) return notFoundText();
  const { locale, publicationId } = route;
  const [paper, site] = await Promise.all([getCitationData(publicationId), getSiteSettings()]);
  if (!paper || paper.language !== locale) return notFoundText();

  const { text, fonts } = await typesetCard(
    {
      series: { text: `${paper.seriesName} ${paper.reportNumber}`, weight: 700 },
      title: { text: paper.title, weight: 700 },
      authors: { text: paper.authors.map((a) => authorName(a, paper.language)).join(", "), weight: 400 },
      site: { text: site.siteTitle[paper.language], weight: 700 },
    },
    paper.language,
  );
  return new ImageResponse(<PublicationCard text={text} lang={paper.language} />, { ...CARD_SIZE, fonts });
}
