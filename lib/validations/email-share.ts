import { z } from "zod";
import { EMAIL_MAX, MESSAGE_MAX, TITLE_MAX } from "./email-share-limits";
import { READER_TEXT_PROBLEMS, readerTextProblem } from "./reader-text";

export { EMAIL_MAX, MESSAGE_MAX, TITLE_MAX };

/** Error codes; the form shows each in the page's language. */
export const EMAIL_SHARE_ERROR_CODES = [
  "required",
  "tooLong",
  "invalidEmail",
  "oneRecipient",
  "lineBreak",
  "foreignAddress",
  ...READER_TEXT_PROBLEMS,
] as const;
export type EmailShareErrorCode = (typeof EMAIL_SHARE_ERROR_CODES)[number];

export const isEmailShareErrorCode = (code: string): code is EmailShareErrorCode =>
  (EMAIL_SHARE_ERROR_CODES as readonly string[]).includes(code);

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

/** Text the reader writes and the institute's mail quotes: plain prose, no links, addresses or markup. */
const readerText = (max: number, { oneLine }: { oneLine: boolean }) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .refine((s) => !oneLine || noLineBreaks(s), "lineBreak")
    .superRefine((s, ctx) => {
      if (s.length > max) return; // already refused as too long, and not worth scanning
      const problem = readerTextProblem(s);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

export const emailShareSchema = z.object({
  // CR/LF and lists are refused before parsing as an address: they are how mail headers get injected.
  recipient: z
    .string()
    .trim()
    .min(1, "required")
    .max(EMAIL_MAX, "tooLong")
    .refine(noLineBreaks, "lineBreak")
    .refine((s) => !/[,;\s]/.test(s), "oneRecipient")
    .pipe(z.email("invalidEmail")),
  contentUrl: z.string().trim().min(1, "required").max(2048, "tooLong").refine(noLineBreaks, "lineBreak"),
  title: readerText(TITLE_MAX, { oneLine: true }),
  message: readerText(MESSAGE_MAX, { oneLine: false }),
  token: z.string().max(300),
  /** Honeypot: hidden from people, filled in by naive bots. */
  website: z.string().max(500).optional(),
});

export type EmailShareInput = z.infer<typeof emailShareSchema>;
export type EmailShareField = "recipient" | "contentUrl" | "title" | "message";

/**
 * The form as the dialog posts it (islands/send-email.ts): an object of
 * fields, of which only text is kept; emailShareSchema then says what is
 * wrong with each. Anything but an object is no form at all.
 */
export const emailShareFieldsSchema = z
  .record(z.string(), z.unknown())
  .transform((fields) =>
    Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
  );
