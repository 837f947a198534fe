import "server-only";
import { consumeLimit, refundLimit, resetLimit, type LimitRule } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/security/keyed-hash";

// Password sign-ins: every attempt spends a point of its account and of its
// client before the password is checked, so parallel guesses cannot all be
// verified; too many lock the account (or the client) out for a while. A
// successful sign-in by email link or single sign-on clears the account's lock
// (lib/auth/index.ts), so an attacker cannot keep its owner out. Counted in PostgreSQL.
export const ACCOUNT_RULE: LimitRule = { name: "login-account", points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };
export const CLIENT_RULE: LimitRule = { name: "login-client", points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };
const DELAY_PER_FAILURE_MS = 250;
const MAX_DELAY_MS = 2000;

const accountKey = (email: string) => keyedHash("login:account", email.trim().toLowerCase());
const clientKey = (client: string) => keyedHash("login:client", client);

export type LoginAttempt = { ok: true; used: number } | { ok: false; retryAfterSeconds: number };

/** Spends one attempt of the account and of the client; refused once either has none left. */
export async function spendLoginAttempt(email: string, client: string): Promise<LoginAttempt> {
  const [account, byClient] = await Promise.all([
    consumeLimit(ACCOUNT_RULE, accountKey(email)),
    consumeLimit(CLIENT_RULE, clientKey(client)),
  ]);
  if (!account.ok) return account;
  if (!byClient.ok) return byClient;
  return { ok: true, used: Math.max(account.used, byClient.used) };
}

/** After a failure: each one answers a little later than the one before, to slow guessing down. */
export async function slowDownAfterFailure(attempt: { used: number }) {
  await new Promise((r) => setTimeout(r, Math.min(MAX_DELAY_MS, attempt.used * DELAY_PER_FAILURE_MS)));
}

/** A right password: its attempt does not count against the client (a whole office may share one address). */
export async function refundClientAttempt(client: string) {
  await refundLimit(CLIENT_RULE, clientKey(client));
}

/** Gives the account its attempts back (a successful sign-in, by any way in). */
export async function clearAccountLock(email: string) {
  await resetLimit(ACCOUNT_RULE, accountKey(email));
}
