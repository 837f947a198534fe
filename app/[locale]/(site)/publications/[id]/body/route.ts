import { getPublicPublication } from "@/lib/data/publications";
import { notFoundText } from "@/lib/http/responses";
import { publicationRouteParams } from "@/lib/http/route-params";
import { paperBody } from "@/lib/publications/rendered-body";

type Context = { params: Promise<{ locale: string; id: string }> };

// Cached like the page (Next's incremental cache), and dropped with it when an
// editor changes the paper (lib/revalidation/reader-pages.ts): rendering a
// long body's Markdown on every request would let anyone keep the CPU busy.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

/**
 * A public paper's body as HTML, for a page reached by navigating inside the
 * site: that navigation brings the page's component data only, which leaves
 * the body out (lib/render/handed-off-html.ts). Not a view: the navigation's
 * own request was counted. An unknown or unpublished paper is a 404.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const route = await publicationRouteParams(params);
  if (!route) return notFoundText();
  const { publicationId } = route;
  const publication = await getPublicPublication(publicationId);
  if (!publication) return notFoundText();
  const { html } = await paperBody(publication);
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
