import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Adapter } from "next-auth/adapters";
import { getSiteSettings } from "@/lib/data/site-settings";
import { isActiveUserEmail } from "@/lib/data/users";
import { spendVerificationToken } from "@/lib/data/verification-tokens";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { signInLinkMail } from "@/lib/mail/templates/sign-in-link";
import { deliver } from "@/lib/mail/transport";
import { consumeLimit, type LimitRule } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/security/keyed-hash";

// Sign-in links by email: limited per address (so nobody is flooded with
// them) and per client (so nobody sprays addresses), in PostgreSQL.
export const LINK_ADDRESS_RULE: LimitRule = { name: "link-address", points: 5, durationSeconds: 15 * 60 };
export const LINK_CLIENT_RULE: LimitRule = { name: "link-client", points: 10, durationSeconds: 60 * 60 };

const invitations = new AsyncLocalStorage<true>();

/**
 * Runs an administrator's invitation: its link is sent before the action
 * answers (so a mail failure is reported to the admin), and the admin's own
 * client is not limited for inviting many colleagues.
 */
export function asInvitation<T>(send: () => Promise<T>): Promise<T> {
  return invitations.run(true, send);
}

/** Spends one link request of the address and of the client; staff and strangers alike. */
export async function spendLinkRequest(email: string, client: string): Promise<boolean> {
  const address = await consumeLimit(LINK_ADDRESS_RULE, keyedHash("link:address", email.trim().toLowerCase()));
  if (!address.ok) return false;
  if (invitations.getStore()) return true;
  return (await consumeLimit(LINK_CLIENT_RULE, keyedHash("link:client", client))).ok;
}

/**
 * The link as mailed: without the recipient's address, which spam filters hold
 * against a link (SpamAssassin's GB_CUSTOM_HTM_URI) and Auth.js does not need:
 * the token alone finds the address (linkTokenAdapter).
 */
export function mailedLink(url: string): string {
  const link = new URL(url);
  link.searchParams.delete("email");
  return link.toString();
}

/** The language the link was asked for in: the locale its callbackUrl starts with (/en/admin…), if any. */
export function linkLocale(url: string): Locale | null {
  const callback = new URL(url).searchParams.get("callbackUrl");
  if (!callback) return null;
  const first = URL.canParse(callback, "http://portal") ? new URL(callback, "http://portal").pathname.split("/")[1] : undefined;
  return isLocale(first) ? first : null;
}

/** Auth.js's adapter, spending a link's token by itself when the link carries no address (mailedLink). */
export function linkTokenAdapter(base: Adapter): Adapter {
  const spendWithAddress = base.useVerificationToken?.bind(base);
  return {
    ...base,
    useVerificationToken: ({ identifier, token }) =>
      identifier && spendWithAddress ? spendWithAddress({ identifier, token }) : spendVerificationToken(token),
  };
}

/**
 * Mails the link to active staff only. A reader's request is answered without
 * waiting for the mail server, so neither the answer nor its timing tells
 * whether the address belongs to staff; a failure is logged instead.
 * The mail is in the language of the page the link was asked on; an
 * invitation is in both, since the administrator's language is not the invitee's.
 */
export async function sendSignInLink({ identifier, url, expires }: { identifier: string; url: string; expires: Date }) {
  const invitation = invitations.getStore() === true;
  const send = async () => {
    if (!(await isActiveUserEmail(identifier))) return;
    const locale = invitation ? null : linkLocale(url);
    await deliver({
      to: identifier,
      ...signInLinkMail({
        url: mailedLink(url),
        expires,
        locale,
        invitation,
        appUrl: env().APP_URL,
        site: await getSiteSettings(),
      }),
    });
  };
  if (invitation) return send();
  send().catch((e: unknown) => console.error("[auth] a sign-in link could not be sent:", (e as Error).message));
}
