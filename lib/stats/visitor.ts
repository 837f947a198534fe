import { createHmac } from "node:crypto";

/**
 * COUNTER's session identity without a cookie and without keeping the
 * address: a hash of client address + user agent, salted with a secret that
 * changes every (UTC) day, so yesterday's visitors cannot be linked to today's.
 */
export function visitorHash(secret: string, clientAddress: string, userAgent: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const salt = createHmac("sha256", secret).update(`visitor-salt:${day}`).digest();
  return createHmac("sha256", salt).update(clientAddress).update("\0").update(userAgent).digest("hex").slice(0, 40);
}
