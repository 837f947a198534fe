import { z } from "zod";
import { idSchema, slugSchema } from "./publications";
import { singleLine } from "./text";

/** The two ways papers are classified; each has its own table, admin page and catalogue facet. */
export const TAXONOMY_KINDS = ["topic", "region"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];
export const taxonomyKindSchema = z.enum(TAXONOMY_KINDS);

/** The admin page's URL segment for each kind. */
export const TAXONOMY_PATHS = { topic: "topics", region: "regions" } as const satisfies Record<TaxonomyKind, string>;

/** The kind an admin URL segment names, or null: any other segment is "not found". */
export function taxonomyKindOf(segment: string): TaxonomyKind | null {
  return TAXONOMY_KINDS.find((k) => TAXONOMY_PATHS[k] === segment) ?? null;
}

export const SLUG_MAX_LENGTH = 64;
export const NAME_MAX_LENGTH = 100;

const name = singleLine(NAME_MAX_LENGTH, z.string({ error: "required" })).min(1, "required");
/** A row chosen from a list: missing or garbled means nothing was chosen. */
const chosenId = z
  .string({ error: "choose" })
  .refine((s) => idSchema.safeParse(s).success, "choose")
  .transform(Number);

/** The names in both languages, as the create and rename forms send them. */
export const taxonomyNamesSchema = z.object({ nameKo: name, nameEn: name });

/** A new topic or region. The slug is its address in catalogue links, so it must pass the catalogue's own filter rule. */
export const taxonomyCreateSchema = taxonomyNamesSchema.extend({
  slug: z
    .string({ error: "required" })
    .trim()
    // An empty or over-long slug gets that one message, not also "bad format".
    .min(1, { message: "required", abort: true })
    .max(SLUG_MAX_LENGTH, { message: "tooLong", abort: true })
    .refine((s) => slugSchema.safeParse(s).success, "slugFormat"),
});

export const taxonomyRenameSchema = taxonomyNamesSchema.extend({ id: chosenId });

/** Every paper of the source gets the target, then the source goes. */
export const taxonomyMergeSchema = z
  .object({ sourceId: chosenId, targetId: chosenId })
  .refine((m) => m.sourceId !== m.targetId, { message: "sameTarget", path: ["targetId"] });

export const taxonomyDeleteSchema = z.object({ id: chosenId });

export type TaxonomyNames = z.infer<typeof taxonomyNamesSchema>;
export type TaxonomyCreateInput = z.infer<typeof taxonomyCreateSchema>;
