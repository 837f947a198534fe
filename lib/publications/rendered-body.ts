import "server-only";
import { hash } from "node:crypto";
import { z } from "zod";
import { saveRenderedBody, type PaperSource, type StoredRendering } from "@/lib/data/rendered-bodies";
import { renderMarkdown, RENDERER_VERSION, type RenderedMarkdown } from "@/lib/markdown/render";

/** What a stored rendering was made from: this renderer and this Markdown. */
export function renderingKey(markdown: string): string {
  return hash("sha256", `${RENDERER_VERSION}\0${markdown}`, "hex");
}

const tocSchema = z.array(z.object({ id: z.string(), text: z.string(), level: z.union([z.literal(2), z.literal(3)]) }));

/**
 * A paper's body as readers get it. Rendering a real paper's Markdown (some
 * 40 KB) is a large part of rendering its page, and pages are rendered again
 * and again (evicted from a cache, revalidated, on another instance): the
 * rendering is stored with the paper and read back while it was made from
 * this Markdown by this renderer. Otherwise it is rendered now and stored for
 * the next time, without the reader waiting for the write.
 */
export async function paperBody(paper: PaperSource): Promise<RenderedMarkdown> {
  const key = renderingKey(paper.body);
  const stored = paper.renderedBody;
  if (stored?.sourceHash === key) {
    const toc = tocSchema.safeParse(stored.toc);
    if (toc.success) return { html: stored.html, toc: toc.data };
  }
  const rendered = await renderMarkdown(paper.body);
  const rendering: StoredRendering = { sourceHash: key, ...rendered };
  void saveRenderedBody(paper.id, rendering).catch((e: unknown) =>
    console.error(`[publications] could not store the rendering of paper ${paper.id}:`, e),
  );
  return rendered;
}
