import "server-only";
import { db } from "@/lib/db";
import type { TocEntry } from "@/lib/markdown/render";
import { isForeignKeyViolation } from "./prisma-errors";

export type StoredRendering = { sourceHash: string; html: string; toc: TocEntry[] };

/** A stored rendering as a paper's query reads it: its table of contents not checked yet. */
export type StoredRenderingColumns = Omit<StoredRendering, "toc"> & { toc: unknown };

/** A paper's Markdown with its stored rendering, if any (lib/publications/rendered-body.ts). */
export type PaperSource = { id: number; body: string; renderedBody: StoredRenderingColumns | null };

/** The columns a paper's query selects to bring its stored rendering along (lib/data/publications.ts). */
export const renderedBodySelect = { select: { sourceHash: true, html: true, toc: true } } as const;

/**
 * Keeps a paper's rendering. Two readers rendering the same body at once write
 * the same row; a rendering of a body edited meanwhile is kept under the old
 * body's hash, which no longer matches, so it is rendered again at the next
 * view; a paper deleted meanwhile keeps nothing.
 */
export async function saveRenderedBody(publicationId: number, rendering: StoredRendering): Promise<void> {
  const { sourceHash, html, toc } = rendering;
  try {
    await db.$executeRaw`
      INSERT INTO "RenderedBody" ("publicationId", "sourceHash", html, toc)
      SELECT p.id, ${sourceHash}, ${html}, ${JSON.stringify(toc)}::jsonb FROM "Publication" p WHERE p.id = ${publicationId}
      ON CONFLICT ("publicationId") DO UPDATE
        SET "sourceHash" = EXCLUDED."sourceHash", html = EXCLUDED.html, toc = EXCLUDED.toc, "renderedAt" = now()
        WHERE "RenderedBody"."sourceHash" <> EXCLUDED."sourceHash"`;
  } catch (error) {
    // Deleted between the check above and the insert.
    if (!isForeignKeyViolation(error)) throw error;
  }
}
