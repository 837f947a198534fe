import "server-only";
import { claimEmailShare, finishEmailShare, getShareablePublication, releaseEmailShareClaim } from "@/lib/data/email-shares";
import { getSiteSettings } from "@/lib/data/site-settings";
import { env } from "@/lib/env";
import { formatIsoDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/routing";
import { deliver, mailConfigured } from "@/lib/mail/transport";
import { publicationShareMail } from "@/lib/mail/templates/publication-share";
import { consume } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/security/keyed-hash";
import { verifyFormToken } from "@/lib/security/form-token";
import { canonicalPath } from "@/lib/seo/publication-metadata";
import type { EmailShareInput } from "@/lib/validations/email-share";
import { normalizeRecipient } from "./recipient-key";
import { redactAddresses } from "./redact-addresses";
import { finishRefusedClaim, logRefusal } from "./refusal-log";

export const EMAIL_SHARE_FORM = "email-share";

export type EmailShareResult =
  | { status: "sent" }
  | { status: "not_found" }
  | { status: "not_configured" }
  | { status: "expired" }
  | { status: "too_fast" }
  | { status: "foreign_address" }
  | { status: "rate_limited"; retryAfterSeconds: number }
  | { status: "failed" };

type Request = { publicationId: number; locale: Locale; input: EmailShareInput; clientAddress: string; now?: number };

export function hashes(clientAddress: string, recipient: string) {
  return {
    clientHash: keyedHash("email-share:client", clientAddress),
    // One key per mailbox, so you+1@…, you+2@… do not each get a fresh allowance.
    recipientHash: keyedHash("email-share:recipient", normalizeRecipient(recipient)),
  };
}

/** Logs a submission the form's schema refused. Never throws: the log must not turn a typo into a server error. */
export async function logInvalidEmailShare(attempt: {
  publicationId: number | null;
  locale: Locale;
  clientAddress: string;
  recipient: string;
}): Promise<void> {
  const { publicationId, locale, clientAddress, recipient } = attempt;
  await logRefusal({
    publicationId,
    locale,
    ...hashes(clientAddress, recipient),
    outcome: "rejected",
    error: "invalid form",
  }).catch(() => undefined);
}

/** Sends a publication to one recipient, with every abuse check a public mail form needs. */
export async function sendPublicationEmail({
  publicationId,
  locale,
  input,
  clientAddress,
  now = Date.now(),
}: Request): Promise<EmailShareResult> {
  const e = env();
  const ids = { locale, ...hashes(clientAddress, input.recipient) };
  // Bounded per client: someone hammering the form must not be able to flood the log too.
  const log = (error: string, pubId: number | null = publicationId) =>
    logRefusal({ ...ids, publicationId: pubId, outcome: "rejected", error });

  const publication = await getShareablePublication(publicationId);
  if (!publication) {
    await log("publication not public", null);
    return { status: "not_found" };
  }
  if (!mailConfigured()) {
    await log("mail not configured");
    return { status: "not_configured" };
  }
  // Naive bots fill every field; people never see this one. They are told nothing.
  if (input.website) {
    await log("honeypot");
    return { status: "sent" };
  }
  const token = verifyFormToken(input.token, EMAIL_SHARE_FORM, String(publicationId), now);
  if (!token) {
    await log("invalid or expired form token");
    return { status: "expired" };
  }
  if (now - token.issuedAt < e.EMAIL_SHARE_MIN_FILL_SECONDS * 1000) {
    await log("filled too fast");
    return { status: "too_fast" };
  }
  // The link in the mail is ours; the form's copy of it is only compared, so no other URL can be sent.
  const url = `${e.APP_URL}${canonicalPath(publication)}`;
  if (input.contentUrl !== url) {
    await log("foreign content address");
    return { status: "foreign_address" };
  }

  const claim = await claimEmailShare({ ...ids, publicationId, submissionId: token.submissionId });
  // The same form again (a double click, a resubmission): the first one is sending or has sent.
  if (!claim.claimed) return { status: "sent" };

  for (const [name, key, points, seconds] of [
    ["email-client", ids.clientHash, e.EMAIL_SHARE_LIMIT_CLIENT_PER_HOUR, 3600],
    ["email-recipient", ids.recipientHash, e.EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY, 86_400],
    ["email-site", "all", e.EMAIL_SHARE_LIMIT_SITE_PER_HOUR, 3600],
  ] as const) {
    const limit = await consume(name, key, points, seconds);
    if (!limit.ok) {
      await finishRefusedClaim(claim.id, ids.clientHash, "rate_limited", `${name} limit`);
      return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }

  const mail = publicationShareMail(locale, {
    readerTitle: input.title,
    readerMessage: input.message,
    siteName: (await getSiteSettings()).siteTitle[locale],
    publication: {
      title: publication.title,
      authors: publication.authors.map((a) => (publication.language === "ko" ? a.author.nameKo : a.author.nameEn)),
      date: formatIsoDate(publication.publishedAt ?? new Date(now)),
      summary: publication.summary,
      url,
    },
  });
  try {
    await deliver({ to: input.recipient, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    // SMTP replies quote the recipient ("550 <x@y>: no such user"): the log keeps the reason only.
    await finishEmailShare(claim.id, "failed", redactAddresses((error as Error).message).slice(0, 500));
    await releaseEmailShareClaim(claim.id);
    return { status: "failed" };
  }
  await finishEmailShare(claim.id, "sent");
  return { status: "sent" };
}
