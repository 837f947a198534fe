"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { localeOrDefault, type Locale } from "@/lib/i18n/routing";
import { EMAIL_SHARE_FORM, logInvalidEmailShare, sendPublicationEmail } from "@/lib/email-share/send-publication-email";
import { clientAddress } from "@/lib/security/client-address";
import { issueFormToken } from "@/lib/security/form-token";
import { emailShareSchema, isEmailShareErrorCode } from "@/lib/validations/email-share";
import { publicationIdSchema } from "@/lib/validations/publications";

export type EmailShareState = ActionState & {
  /** HTTP-like meaning of the outcome: 200, 400, 404, 429, 503. */
  status?: number;
  /** Changes on every success, so the form knows to close even after two in a row. */
  sentAt?: number;
};

/** A fresh signed ticket for the form, asked for when the dialog opens (pages may be cached, tickets not). */
// Server actions must be async functions even when they have nothing to wait for.
// eslint-disable-next-line @typescript-eslint/require-await
export async function openEmailShareForm(publicationId: number): Promise<string> {
  const id = publicationIdSchema.parse(publicationId);
  return issueFormToken(EMAIL_SHARE_FORM, String(id));
}

export async function sendPublicationEmailAction(
  target: { publicationId: number; locale: Locale },
  _previous: EmailShareState,
  formData: FormData,
): Promise<EmailShareState> {
  const locale = localeOrDefault(target.locale);
  const t = await getTranslations({ locale, namespace: "SendEmail" });
  const field = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const publicationId = publicationIdSchema.safeParse(target.publicationId);
  const client = clientAddress(await headers());

  // 1. Parse.
  const parsed = emailShareSchema.safeParse({
    recipient: field("recipient"),
    contentUrl: field("contentUrl"),
    title: field("title"),
    message: field("message"),
    token: field("token"),
    website: field("website") || undefined,
  });
  if (!parsed.success || !publicationId.success) {
    await logInvalidEmailShare({
      publicationId: publicationId.success ? publicationId.data : null,
      locale,
      clientAddress: client,
      recipient: field("recipient"),
    });
    // Length errors say what the limit is; the schema's other codes name their message.
    const invalid = invalidForm(t("fixErrors"), parsed.error?.issues ?? [], (code, issue) =>
      issue.code === "too_big"
        ? t("errors.tooLong", { max: Number(issue.maximum) })
        : t(`errors.${isEmailShareErrorCode(code) && code !== "tooLong" ? code : "invalid"}`),
    );
    return { ...invalid, status: 400 };
  }

  // 2. Nothing to authorize: anyone may share a public paper, within the limits below.
  // 3. Act.
  const result = await sendPublicationEmail({
    publicationId: publicationId.data,
    locale,
    input: parsed.data,
    clientAddress: client,
  });
  switch (result.status) {
    case "sent":
      return { ok: true, status: 200, message: t("sent"), sentAt: Date.now() };
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
      return { ok: false, status: 503, message: t("notConfigured") };
    case "failed":
      return { ok: false, status: 503, message: t("failed") };
  }
}
