import { createHmac } from "node:crypto";

let daySalt: { secret: string; day: string; salt: Buffer } | undefined;

/** The day's salt, derived once per day rather than once per request. */
function saltFor(secret: string, day: string): Buffer {
  if (daySalt?.secret !== secret || daySalt.day !== day) {
    daySalt = { secret, day, salt: createHmac("sha256", secret).update(`visitor-salt:${day}`).digest() };
  }
  return daySalt.salt;
}

/**
 * COUNTER's session identity without a cookie and without keeping the
 * address: a hash of client address + user agent, salted with a secret that
 * changes every (UTC) day, so yesterday's visitors cannot be linked to today's.
 */
export function visitorHash(secret: string, clientAddress: string, userAgent: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return createHmac("sha256", saltFor(secret, day))
    .update(clientAddress)
    .update("\0")
    .update(userAgent)
    .digest("hex")
    .slice(0, 40);
}
