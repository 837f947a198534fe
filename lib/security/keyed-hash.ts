import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A salted, one-way stand-in for personal data (addresses, email recipients)
 * in logs and rate-limit keys: equal inputs match, but the value cannot be read back.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(purpose).update("\0").update(value).digest("hex");
}
