import { findInPaper } from "@/lib/data/search-snippets";
import { spendFindInPaper } from "@/lib/search/find-limit";
import { clientAddress } from "@/lib/security/client-address";
import { notFoundText } from "@/lib/http/responses";
import { publicationRouteParams } from "@/lib/http/route-params";
import type { PaperSource } from "@/lib/data/rendered-bodies";
import { paperBody } from "@/lib/publications/rendered-body";
import { findInPaperSchema } from "@/lib/validations/publications";

type Context = { params: Promise<{ locale: string; id: string }> };

/** The table of contents' ids, in order: the anchors a match in a section links to. */
async function sectionAnchors(paper: PaperSource): Promise<string[]> {
  return (await paperBody(paper)).toc.map((entry) => entry.id);
}

/**
 * "Search in this paper": `GET …/publications/{id}/find?q=…` answers the
 * sections and PDF pages that hold the words, as JSON for the page's search
 * box. Words it cannot use (none, too long) find nothing; an unknown or
 * unpublished paper is a 404; past FIND_CLIENT_RULE a client gets 429.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const route = await publicationRouteParams(params);
  if (!route) return notFoundText();
  const { publicationId } = route;
  const limit = await spendFindInPaper(clientAddress(request.headers));
  if (!limit.ok)
    return Response.json(
      { error: "tooMany" },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  const parsed = findInPaperSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  const matches = await findInPaper(publicationId, parsed.success ? parsed.data.q : "", sectionAnchors);
  if (matches === null) return notFoundText();
  return Response.json({ matches }, { headers: { "Cache-Control": "public, max-age=60", "X-Content-Type-Options": "nosniff" } });
}
