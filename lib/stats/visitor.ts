import { createHmac, hash } from "node:crypto";

const DAY_MS = 86_400_000;
let daySalt: { secret: string; day: number; salt: string } | undefined;

/** The (UTC) day's salt, derived once per day rather than once per request. */
function saltFor(secret: string, epochMs: number): string {
  const day = Math.floor(epochMs / DAY_MS);
  if (daySalt?.secret !== secret || daySalt.day !== day) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    daySalt = { secret, day, salt: createHmac("sha256", secret).update(`visitor-salt:${date}`).digest("hex") };
  }
  return daySalt.salt;
}

/**
 * COUNTER's session identity without a cookie and without keeping the
 * address: a hash of client address + user agent, salted with a secret that
 * changes every (UTC) day, so yesterday's visitors cannot be linked to today's.
 *
 * SHA-256 over salt + address + agent in one call, not an HMAC: the salt is
 * secret and only ever a prefix, so nobody can recompute a visitor's hash, and
 * one call costs a quarter of an HMAC's (this runs on every page view). Header
 * values cannot hold "\0", so the separator keeps the two fields apart.
 */
export function visitorHash(secret: string, clientAddress: string, userAgent: string, nowMs = Date.now()): string {
  // Epoch milliseconds, not a Date per request: counting runs on every page view.
  const salt = saltFor(secret, nowMs);
  return hash("sha256", `${salt}${clientAddress}\0${userAgent}`, "hex").slice(0, 40);
}
