import "server-only";
import { getTranslations } from "next-intl/server";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import type { Locale } from "@/lib/i18n/routing";
import { emailShareSchema, isEmailShareErrorCode } from "@/lib/validations/email-share";
import { logInvalidEmailShare, sendPublicationEmail } from "./send-publication-email";

export type EmailShareState = ActionState & {
  /** HTTP meaning of the outcome: 200, 400, 404, 429, 503. */
  status?: number;
};

type Submission = {
  /** Null when the address named no paper a reader may see. */
  publicationId: number | null;
  locale: Locale;
  /** The form's fields as sent; anything missing or not text is "". */
  fields: Record<string, string>;
  clientAddress: string;
};

/**
 * The dialog's own words for a mail that cannot go: it says them itself when it
 * cannot reach the portal (islands/send-email.ts), and carries only its own
 * messages, so the answers say them from there too, one copy in each language.
 */
export const dialogWords = (locale: Locale) => getTranslations({ locale, namespace: "SendEmailDialog" });

/**
 * The "Send Email" form's answer, in the page's language: each field's errors
 * and one message, or "sent". Every refusal a reader can cause has its own
 * message and status; nothing here throws for bad input.
 */
export async function answerEmailShare({ publicationId, locale, fields, clientAddress }: Submission): Promise<EmailShareState> {
  const t = await getTranslations({ locale, namespace: "SendEmail" });
  const field = (name: string) => fields[name] ?? "";

  // 1. Parse.
  const parsed = emailShareSchema.safeParse({
    recipient: field("recipient"),
    contentUrl: field("contentUrl"),
    title: field("title"),
    message: field("message"),
    token: field("token"),
    website: field("website") || undefined,
  });
  const logInvalid = () => logInvalidEmailShare({ publicationId, locale, clientAddress, recipient: field("recipient") });
  if (publicationId === null) {
    await logInvalid();
    return { ok: false, status: 404, message: t("notFound") };
  }
  if (!parsed.success) {
    await logInvalid();
    // Length errors say what the limit is; the schema's other codes name their message.
    const invalid = invalidForm(t("fixErrors"), parsed.error.issues, (code, issue) =>
      issue.code === "too_big"
        ? t("errors.tooLong", { max: Number(issue.maximum) })
        : t(`errors.${isEmailShareErrorCode(code) && code !== "tooLong" ? code : "invalid"}`),
    );
    return { ...invalid, status: 400 };
  }

  // 2. Nothing to authorize: anyone may share a public paper, within the limits sendPublicationEmail keeps.
  // 3. Act.
  const result = await sendPublicationEmail({ publicationId, locale, input: parsed.data, clientAddress });
  switch (result.status) {
    case "sent":
      return { ok: true, status: 200, message: t("sent") };
    case "foreign_address":
      return { ok: false, status: 400, message: t("fixErrors"), fieldErrors: { contentUrl: [t("errors.foreignAddress")] } };
    case "rate_limited":
      return { ok: false, status: 429, message: t("rateLimited", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
    case "too_fast":
      return { ok: false, status: 400, message: t("tooFast") };
    case "expired":
      return { ok: false, status: 400, message: t("expired") };
    case "not_found":
      return { ok: false, status: 404, message: t("notFound") };
    case "not_configured":
      return { ok: false, status: 503, message: (await dialogWords(locale))("notConfigured") };
    case "failed":
      return { ok: false, status: 503, message: (await dialogWords(locale))("failed") };
  }
}
