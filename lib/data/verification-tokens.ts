import "server-only";
import { db } from "@/lib/db";

/**
 * Spends a sign-in link's token found by its hash alone (the mailed link does
 * not carry the address): one statement, so two clicks cannot both spend it.
 * Null when it is unknown or already spent.
 */
export async function spendVerificationToken(token: string) {
  const [row] = await db.$queryRaw<{ identifier: string; token: string; expires: Date }[]>`
    DELETE FROM "VerificationToken" WHERE token = ${token} RETURNING identifier, token, expires`;
  return row ?? null;
}
