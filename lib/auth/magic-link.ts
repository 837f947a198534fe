import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { isActiveUserEmail } from "@/lib/data/users";
import { env } from "@/lib/env";
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
 * Mails the link to active staff only. A reader's request is answered without
 * waiting for the mail server, so neither the answer nor its timing tells
 * whether the address belongs to staff; a failure is logged instead.
 */
export async function sendSignInLink({ identifier, url, expires }: { identifier: string; url: string; expires: Date }) {
  const send = async () => {
    if (!(await isActiveUserEmail(identifier))) return;
    await deliver({ to: identifier, ...signInLinkMail({ url, expires, appUrl: env().APP_URL }) });
  };
  if (invitations.getStore()) return send();
  send().catch((e: unknown) => console.error("[auth] a sign-in link could not be sent:", (e as Error).message));
}
