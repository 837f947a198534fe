import "server-only";
import { consumeLimit, peekLimit, resetLimit, type LimitRule } from "@/lib/rate-limit";
import { keyedHash } from "@/lib/security/keyed-hash";

// Failed sign-ins: each one slows the next answer a little; too many lock the
// account (or the client) out for a while. Counted in PostgreSQL.
export const ACCOUNT_RULE: LimitRule = { name: "login-account", points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };
export const CLIENT_RULE: LimitRule = { name: "login-client", points: 20, durationSeconds: 15 * 60, blockSeconds: 15 * 60 };
const DELAY_PER_FAILURE_MS = 250;
const MAX_DELAY_MS = 2000;

const keys = (email: string, client: string) => ({
  account: keyedHash("login:account", email.toLowerCase()),
  client: keyedHash("login:client", client),
});

/** Refuses while the account or the client is locked out. */
export async function loginAllowed(email: string, client: string) {
  const k = keys(email, client);
  const [account, byClient] = await Promise.all([peekLimit(ACCOUNT_RULE, k.account), peekLimit(CLIENT_RULE, k.client)]);
  if (!account.ok) return account;
  if (!byClient.ok) return byClient;
  return { ok: true as const };
}

/** Counts a failure and waits a little longer each time, to slow guessing down. */
export async function registerLoginFailure(email: string, client: string) {
  const k = keys(email, client);
  const [account, byClient] = await Promise.all([consumeLimit(ACCOUNT_RULE, k.account), consumeLimit(CLIENT_RULE, k.client)]);
  const used = Math.max(account.ok ? account.used : ACCOUNT_RULE.points, byClient.ok ? byClient.used : 0);
  await new Promise((r) => setTimeout(r, Math.min(MAX_DELAY_MS, used * DELAY_PER_FAILURE_MS)));
}

export async function clearLoginFailures(email: string, client: string) {
  await resetLimit(ACCOUNT_RULE, keys(email, client).account);
}
