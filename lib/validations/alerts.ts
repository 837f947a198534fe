import { z } from "zod";
import { locales } from "@/lib/i18n/routing";
import { EMAIL_MAX } from "./email-share-limits";

/** Error codes; the forms show each in the page's language. */
export const ALERT_ERROR_CODES = ["required", "tooLong", "invalidEmail", "nothingChosen", "consent", "invalid"] as const;
export type AlertErrorCode = (typeof ALERT_ERROR_CODES)[number];
export const isAlertErrorCode = (code: string): code is AlertErrorCode => (ALERT_ERROR_CODES as readonly string[]).includes(code);

/** How many series, topics and authors one subscription may follow: more than any catalogue offers to tick. */
export const MAX_FOLLOWS = 200;

const ids = z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(MAX_FOLLOWS, "tooLong");

/** What to follow: everything, or any mix of series, topics and authors (at least one). */
export const alertChoicesSchema = z
  .object({
    locale: z.enum(locales, "invalid"),
    frequency: z.enum(["instant", "daily"], "invalid"),
    everything: z.boolean(),
    seriesIds: ids,
    topicIds: ids,
    authorIds: ids,
  })
  .refine((c) => c.everything || c.seriesIds.length + c.topicIds.length + c.authorIds.length > 0, {
    message: "nothingChosen",
    path: ["choices"],
  });

export type AlertChoices = z.infer<typeof alertChoicesSchema>;

/** The public subscription form: an address, the choices, and consent to the privacy policy. */
export const alertSubscribeSchema = z.object({
  // CR/LF and lists are refused before parsing: they are how mail headers get injected.
  email: z
    .string()
    .trim()
    .min(1, "required")
    .max(EMAIL_MAX, "tooLong")
    .refine((s) => !/[\s,;]/.test(s), "invalidEmail")
    .pipe(z.email("invalidEmail")),
  consent: z.literal(true, "consent"),
  choices: alertChoicesSchema,
  /** Honeypot: hidden from people, filled in by naive bots. */
  website: z.string().max(500).optional(),
});

export type AlertSubscribeInput = z.infer<typeof alertSubscribeSchema>;

/** The form's fields as the choices schema wants them (checkboxes arrive as repeated names). */
export function alertChoicesFromForm(form: FormData) {
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    locale: form.get("mailLocale"),
    frequency: form.get("frequency") ?? "instant",
    everything: form.get("everything") === "on",
    seriesIds: all("series"),
    topicIds: all("topic"),
    authorIds: all("author"),
  };
}
