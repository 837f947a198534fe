import { z } from "zod";
import { idSchema } from "./publications";

// What an editor's change did to the reader pages, as one instance tells the
// others (lib/revalidation/other-instances.ts). Read back from the database
// and from an internal request, so it is checked like any other input.

const ids = z.array(idSchema).max(10_000);

export const readerPagesChangeSchema = z.discriminatedUnion("kind", [
  /** Papers' pages, the catalogue and the front page. */
  z.object({ kind: z.literal("publications"), ids }),
  /** A topic or region: every page with facets, and the papers that carry it. */
  z.object({ kind: z.literal("taxonomy"), ids }),
  /** A series: every reader page's header and filters. */
  z.object({ kind: z.literal("series") }),
  /** An author's page, and the papers that show the name. */
  z.object({ kind: z.literal("author"), authorId: idSchema, ids }),
  /** The site settings: every reader page. */
  z.object({ kind: z.literal("site") }),
]);

export type ReaderPagesChange = z.infer<typeof readerPagesChangeSchema>;

export const MAX_CHANGES_PER_REQUEST = 1000;

export const readerPagesChangesSchema = z.array(readerPagesChangeSchema).min(1).max(MAX_CHANGES_PER_REQUEST);
