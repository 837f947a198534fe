import { z } from "zod";

/**
 * Text typed into a search box, without control characters: no one types
 * them, and PostgreSQL text cannot hold NUL (a query with one was a 500).
 * They become spaces; runs of white space become one.
 */
export function plainText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** One line typed into a staff form (a name, a label): trimmed, at most `max` characters, no line breaks. */
export function singleLine(max: number, base = z.string()) {
  return base
    .trim()
    .max(max, "tooLong")
    .refine((s) => !/[\r\n]/.test(s), "lineBreak");
}
