import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The links in alert mails: a row id and its signature. Ids are random
 * UUIDs, so the signature is a second lock: a link cannot be made for an id
 * read elsewhere, and garbage is refused before the database is asked.
 * - `confirm`: a pending request (AlertRequest), valid until the request expires;
 * - `manage`: a subscriber (AlertSubscriber), valid until the address is erased,
 *   as unsubscribe links in old mails must keep working.
 */
export type AlertLinkPurpose = "confirm" | "manage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sign(purpose: AlertLinkPurpose, id: string) {
  return createHmac("sha256", env().AUTH_SECRET).update(`alerts:${purpose}|${id}`).digest("base64url");
}

export function alertToken(purpose: AlertLinkPurpose, id: string): string {
  return `${id}.${sign(purpose, id)}`;
}

/** The id a token stands for, or null for anything forged, cut short or meant for the other purpose. */
export function readAlertToken(purpose: AlertLinkPurpose, token: unknown): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [id = "", signature = ""] = token.split(".");
  if (!UUID.test(id)) return null;
  const expected = Buffer.from(sign(purpose, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
