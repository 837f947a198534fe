import { z } from "zod";
import { singleLine as line } from "./text";

/** Today's report numbers, "2024-14" (Korean) and "2024-14E" (English); the database default too. */
export const DEFAULT_REPORT_NUMBER_PATTERN = String.raw`^\d{4}-\d{1,3}[EK]?$`;

/** The pattern as the editor checks it: Unicode-aware, like the report number's own rule. */
function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null;
  }
}

/** Whether a report number fits its series' pattern; a pattern that does not compile lets nothing through. */
export function reportNumberMatches(pattern: string, reportNumber: string): boolean {
  return compilePattern(pattern)?.test(reportNumber) ?? false;
}

/** A series as the staff form sends it; `inNavigation` is a checkbox, absent when unticked. */
export const seriesEditorSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, "required")
    .max(64, "tooLong")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slugFormat"),
  nameKo: line(100).min(1, "required"),
  nameEn: line(100).min(1, "required"),
  descriptionKo: z.string().trim().max(2000, "tooLong"),
  descriptionEn: z.string().trim().max(2000, "tooLong"),
  reportPrefix: line(100).min(1, "required"),
  reportNumberPattern: line(200)
    .min(1, "required")
    .refine((p) => compilePattern(p) !== null, "patternInvalid"),
  sortOrder: z.coerce.number({ error: "sortOrder" }).int("sortOrder").min(0, "sortOrder").max(1_000_000, "sortOrder"),
  inNavigation: z
    .enum(["on", "true"])
    .optional()
    .transform((v) => v !== undefined),
});

export type SeriesEditorInput = z.infer<typeof seriesEditorSchema>;

/** The archive switch: "true" archives, "false" brings the series back. */
export const seriesArchiveSchema = z.object({ archived: z.enum(["true", "false"]).transform((v) => v === "true") });
