import { z } from "zod";

/** Error codes; the form shows each in the page's language. */
export type EmailShareErrorCode = "required" | "tooLong" | "invalidEmail" | "oneRecipient" | "lineBreak" | "foreignAddress";

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

export const EMAIL_MAX = 254;
export const TITLE_MAX = 200;
export const MESSAGE_MAX = 2000;

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
  title: z.string().trim().min(1, "required").max(TITLE_MAX, "tooLong").refine(noLineBreaks, "lineBreak"),
  message: z.string().trim().min(1, "required").max(MESSAGE_MAX, "tooLong"),
  token: z.string().max(300),
  /** Honeypot: hidden from people, filled in by naive bots. */
  website: z.string().max(500).optional(),
});

export type EmailShareInput = z.infer<typeof emailShareSchema>;
export type EmailShareField = "recipient" | "contentUrl" | "title" | "message";
