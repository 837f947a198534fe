import { z } from "zod";
import { plainText, singleLine as line } from "./text";
import { pageNumberSchema } from "./pagination";

const text = (max: number) => z.string().trim().max(max, "tooLong");

/** An author's profile as the editor form sends it, in both languages. */
export const authorEditorSchema = z.object({
  nameKo: line(100).min(1, "required"),
  nameEn: line(100).min(1, "required"),
  positionKo: line(200),
  positionEn: line(200),
  affiliationKo: line(200),
  affiliationEn: line(200),
  bioKo: text(5000),
  bioEn: text(5000),
  /** When the editor's copy was last saved: a save over someone else's newer one is refused. */
  version: z.iso.datetime({ error: "invalid" }),
});

export type AuthorEditorInput = z.infer<typeof authorEditorSchema>;

/** The staff author list's query string; a bad value is dropped, never an error. */
export const authorListQuerySchema = z.object({
  page: pageNumberSchema.default(1),
  q: z.string().transform(plainText).pipe(z.string().max(100)).optional().catch(undefined),
});
