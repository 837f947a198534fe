import { createHmac } from "node:crypto";

const DAY_MS = 86_400_000;
let daySalt: { secret: string; day: number; salt: Buffer } | undefined;

/** The (UTC) day's salt, derived once per day rather than once per request. */
function saltFor(secret: string, epochMs: number): Buffer {
  const day = Math.floor(epochMs / DAY_MS);
  if (daySalt?.secret !== secret || daySalt.day !== day) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    daySalt = { secret, day, salt: createHmac("sha256", secret).update(`visitor-salt:${date}`).digest() };
  }
  return daySalt.salt;
}

/**
 * COUNTER's session identity without a cookie and without keeping the
 * address: a hash of client address + user agent, salted with a secret that
 * changes every (UTC) day, so yesterday's visitors cannot be linked to today's.
 */
export function visitorHash(secret: string, clientAddress: string, userAgent: string, now?: Date): string {
  // Date.now(), not a Date per request: counting runs on every page view.
  return createHmac("sha256", saltFor(secret, now ? now.getTime() : Date.now()))
    .update(clientAddress)
    .update("\0")
    .update(userAgent)
    .digest("hex")
    .slice(0, 40);
}
