import "server-only";
import { createAlertRequest } from "@/lib/data/alerts";
import { getSiteSettings } from "@/lib/data/site-settings";
import { normalizeRecipient } from "@/lib/email-share/recipient-key";
import { redactAddresses } from "@/lib/email-share/redact-addresses";
import { env } from "@/lib/env";
import { deliver, mailConfigured } from "@/lib/mail/transport";
import { alertConfirmationMail } from "@/lib/mail/templates/alerts";
import { consumeLimit } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/security/keyed-hash";
import type { AlertSubscribeInput } from "@/lib/validations/alerts";
import { confirmUrl } from "./links";

export type SubscribeResult =
  | { status: "check_inbox" }
  | { status: "not_configured" }
  | { status: "rate_limited"; retryAfterSeconds: number }
  | { status: "failed" };

/** The address as stored: as typed, with the domain lower-cased (the local part is the mailbox owner's). */
export function storedAddress(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}

/**
 * A reader asks for alerts: the request is kept aside and a confirmation
 * mail sent; nothing about an existing subscription changes until its link
 * is followed. The answer is the same whether or not the address is already
 * subscribed, so the form tells nobody who reads the institute's alerts.
 */
export async function requestAlertSubscription(input: AlertSubscribeInput, clientAddress: string): Promise<SubscribeResult> {
  if (!mailConfigured()) return { status: "not_configured" };
  // Naive bots fill every field; people never see this one. They are told nothing.
  if (input.website) return { status: "check_inbox" };
  const e = env();
  const limits = [
    ["alert-client", keyedHash("alerts:client", clientAddress), e.ALERT_LIMIT_CLIENT_PER_HOUR, 3600],
    // One key per mailbox, so you+1@…, you+2@… do not each get a fresh allowance.
    ["alert-address", keyedHash("alerts:address", normalizeRecipient(input.email)), e.ALERT_LIMIT_ADDRESS_PER_DAY, 86_400],
  ] as const;
  for (const [name, key, points, seconds] of limits) {
    const limit = await consumeLimit({ name, points, durationSeconds: seconds }, key);
    if (!limit.ok) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const email = storedAddress(input.email);
  const locale = input.choices.locale;
  const requestId = await createAlertRequest(email, input.choices, e.ALERT_CONFIRM_HOURS);
  const site = (await getSiteSettings()).siteTitle[locale];
  const mail = alertConfirmationMail(locale, { site, url: confirmUrl(locale, requestId), hours: e.ALERT_CONFIRM_HOURS });
  try {
    await deliver({ to: email, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    console.error(`[alerts] confirmation mail failed: ${redactAddresses((error as Error).message).slice(0, 300)}`);
    return { status: "failed" };
  }
  return { status: "check_inbox" };
}
