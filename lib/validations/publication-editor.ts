import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

const text = (max: number) => z.string().trim().max(max, "tooLong");

/** An author line in the editor: an existing author, or one created with the paper. */
export const editorAuthorSchema = z.union([
  z.object({ id: z.coerce.number().int().positive() }),
  z.object({ nameKo: text(100).min(1, "required"), nameEn: text(100).min(1, "required") }),
]);

const jsonArray = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "invalid" });
        return z.NEVER;
      }
    })
    .pipe(z.array(item).max(50));

const idList = z.array(z.coerce.number().int().positive()).max(50);

/** Every field of a publication as the editor form sends it. */
export const publicationEditorSchema = z
  .object({
    seriesId: z.coerce.number({ error: "required" }).int().positive("required"),
    reportNumber: text(40)
      .min(1, "required")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, "reportNumberFormat"),
    language: z.enum(locales, { error: "required" }),
    translationId: z
      .union([z.literal(""), z.coerce.number().int().positive()])
      .transform((v) => (v === "" ? null : v))
      .nullable(),
    title: text(300).min(1, "required"),
    subtitle: text(300).transform((s) => s || null),
    summary: text(2000),
    body: z.string().max(200_000, "tooLong"),
    authors: jsonArray(editorAuthorSchema).refine((a) => a.length > 0, "atLeastOneAuthor"),
    topicIds: idList,
    regionIds: idList,
    /** "Feature on the front page": a checkbox, absent when unticked. */
    featured: z
      .enum(["on", "true"])
      .optional()
      .transform((v) => v !== undefined),
    /** The version the editor started from: optimistic concurrency. */
    version: z.coerce.number().int().min(0),
  })
  .refine((p) => !/[\r\n]/.test(p.title), { path: ["title"], message: "lineBreak" });

export type PublicationEditorInput = z.infer<typeof publicationEditorSchema>;

export const statusChangeSchema = z.object({
  status: z.enum(["draft", "scheduled", "published", "archived"]),
  /** For scheduling: local date-time from <input type="datetime-local">, read in the site's time zone. */
  publishAt: z.string().max(40).optional(),
  version: z.coerce.number().int().min(0),
});

/** Reads a multi-valued form field (checkboxes) into numbers. */
export function formIds(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((v): v is string => typeof v === "string");
}
