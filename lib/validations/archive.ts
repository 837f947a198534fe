// One line of an archive folder (`npm run import`): series.jsonl and
// publications.jsonl. The field rules are the editor's; a broken line becomes
// refusals a person can act on, never an exception.
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";
import { slugSchema } from "./publications";
import { DEFAULT_REPORT_NUMBER_PATTERN, seriesEditorSchema } from "./series";
import { singleLine } from "./text";

/** Why one line (or one field of it) was not imported; `file` is set for series.jsonl, absent for publications.jsonl. */
export type Refusal = { line: number; field: string; reason: string; file?: "series.jsonl" };

// The editor's error codes, spelt out for someone fixing the archive by hand.
const REASONS: Record<string, string> = {
  required: "is required",
  tooLong: "is too long",
  lineBreak: "must be a single line (no line breaks)",
  reportNumberFormat: "must start with a letter or digit and contain only letters, digits, '.', '_', '/' and '-'",
  slugFormat: 'must be lowercase letters, digits and hyphens (e.g. "east-asia")',
  patternInvalid: "is not a valid regular expression",
};

const text = (max: number) => z.string().trim().max(max, `tooLong:${max}`);
const name = singleLine(100).min(1, "required");
const slug = z
  .string()
  .trim()
  .min(1, "required")
  .refine((s) => slugSchema.safeParse(s).success, "slugFormat");

// The pattern's own rule comes from the series form; the prefix is what the portal prints before the number.
const seriesRules = seriesEditorSchema.shape;

/** A series.jsonl line. reportPrefix and reportNumberPattern are optional extras (the prefix defaults to nameEn). */
export const archiveSeriesSchema = z
  .object({
    slug: seriesRules.slug,
    nameKo: name,
    nameEn: name,
    descriptionKo: seriesRules.descriptionKo.default(""),
    descriptionEn: seriesRules.descriptionEn.default(""),
    reportPrefix: singleLine(100).min(1, "required").optional(),
    reportNumberPattern: seriesRules.reportNumberPattern.default(DEFAULT_REPORT_NUMBER_PATTERN),
  })
  .transform((s) => ({ ...s, reportPrefix: s.reportPrefix ?? s.nameEn }));

export type ArchiveSeries = z.infer<typeof archiveSeriesSchema>;

const authorSchema = z
  .object({
    key: singleLine(200).min(1, "required").optional(),
    nameKo: name.optional(),
    nameEn: name.optional(),
  })
  .refine((a) => a.key !== undefined || (a.nameKo !== undefined && a.nameEn !== undefined), {
    message: 'needs a "key" or both "nameKo" and "nameEn"',
  });

/** A topic or region: a slug that must exist, or one created with its names. */
const termSchema = z.union([slug, z.object({ slug, nameKo: name, nameEn: name })], {
  error: 'must be a slug or an object {"slug", "nameKo", "nameEn"}',
});

const SEOUL_OFFSET = "+09:00";
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** A calendar date that exists (no 31 April) and a time of day that does. */
function realDate(y: string, m: string, d: string, hh = "00", mm = "00", ss = "00"): boolean {
  const probe = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const dateOk =
    probe.getUTCFullYear() === Number(y) && probe.getUTCMonth() === Number(m) - 1 && probe.getUTCDate() === Number(d);
  return dateOk && Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 60;
}

/**
 * "2024-03-05" or an ISO date-time; without an offset it is the institution's
 * time (Asia/Seoul, UTC+9 without daylight saving since 1988).
 */
export function parseArchiveDate(value: string): Date | null {
  const date = DATE.exec(value);
  if (date) return realDate(date[1]!, date[2]!, date[3]!) ? new Date(`${value}T00:00:00${SEOUL_OFFSET}`) : null;
  const dt = DATE_TIME.exec(value);
  if (!dt || !realDate(dt[1]!, dt[2]!, dt[3]!, dt[4], dt[5], dt[6])) return null;
  const parsed = new Date(dt[7] ? value : `${value}${SEOUL_OFFSET}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

const publishedAtSchema = z.string({ error: 'must be a date "YYYY-MM-DD" or an ISO date-time' }).transform((s, ctx) => {
  const parsed = parseArchiveDate(s.trim());
  if (parsed) return parsed;
  ctx.addIssue({
    code: "custom",
    message: `"${s}" is not a date "YYYY-MM-DD" or an ISO date-time like "2024-03-05T09:30:00+09:00"`,
  });
  return z.NEVER;
});

/** Reader-facing limit of a paper's Markdown, as in the editor; HTML is checked again once converted. */
export const BODY_MAX_LENGTH = 200_000;
const HTML_BODY_MAX_LENGTH = 1_000_000;

/** A publications.jsonl line, with the editor's rules for every field the editor has. */
export const archivePublicationSchema = z
  .object({
    legacyId: singleLine(200, z.string({ error: "is required (a string)" })).min(1, "required"),
    legacyUrls: z.array(z.string().max(2000, "tooLong:2000")).max(50).default([]),
    series: slug,
    number: text(40)
      .min(1, "required")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, "reportNumberFormat"),
    language: z.enum(locales, { error: `must be one of ${locales.map((l) => `"${l}"`).join(", ")}` }),
    translationOf: singleLine(200).min(1, "required").optional(),
    title: singleLine(300).min(1, "required"),
    subtitle: singleLine(300)
      .optional()
      .transform((s) => s || null),
    summary: text(2000).default(""),
    body: z.string().max(HTML_BODY_MAX_LENGTH, `tooLong:${HTML_BODY_MAX_LENGTH}`).default(""),
    bodyFormat: z.enum(["markdown", "html"], { error: 'must be "markdown" or "html"' }).default("markdown"),
    authors: z.array(authorSchema).min(1, "needs at least one author").max(50),
    topics: z.array(termSchema).max(50).default([]),
    regions: z.array(termSchema).max(50).default([]),
    publishedAt: publishedAtSchema,
    hits: z.number().int("must be a whole number").min(0, "cannot be negative").max(2_147_483_647).default(0),
    status: z.enum(["published", "draft"], { error: 'must be "published" or "draft"' }).default("published"),
    attachments: z
      .array(z.object({ path: z.string().trim().min(1, "required").max(1000), name: z.string().max(1000).optional() }))
      .max(20)
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.bodyFormat === "markdown" && p.body.length > BODY_MAX_LENGTH)
      ctx.addIssue({ code: "custom", path: ["body"], message: `tooLong:${BODY_MAX_LENGTH}` });
    if (p.translationOf === p.legacyId)
      ctx.addIssue({ code: "custom", path: ["translationOf"], message: "points to the paper itself" });
  });

export type ArchivePublication = z.infer<typeof archivePublicationSchema>;
export type ArchiveTerm = ArchivePublication["topics"][number];

/** "authors.0.nameKo" → "authors[0].nameKo": the field as someone reading the JSON finds it. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

function reasonOf(message: string): string {
  const [code, limit] = message.split(":");
  if (code === "tooLong" && limit) return `is too long (at most ${Number(limit).toLocaleString("en")} characters)`;
  return REASONS[message] ?? message;
}

/** The first problem of each field, as refusals of line `line`. */
export function refusalsOf(error: z.ZodError, line: number): Refusal[] {
  const seen = new Set<string>();
  const out: Refusal[] = [];
  for (const issue of error.issues) {
    const field = fieldName(issue.path) || "line";
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ line, field, reason: reasonOf(issue.message) });
  }
  return out;
}

/** Parses one JSON line with `schema`; a line that is not a JSON object is one refusal. */
export function parseArchiveLine<T extends z.ZodType>(
  schema: T,
  raw: string,
  line: number,
): { ok: true; value: z.infer<T> } | { ok: false; refusals: Refusal[] } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, refusals: [{ line, field: "line", reason: "is not valid JSON" }] };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, refusals: [{ line, field: "line", reason: "must be a JSON object" }] };
  // A missing field says "is required" rather than zod's "expected string, received undefined".
  const parsed = schema.safeParse(json, { error: (issue) => (issue.input === undefined ? "required" : undefined) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, refusals: refusalsOf(parsed.error, line) };
}
