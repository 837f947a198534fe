import "server-only";
import { recordAudit } from "@/lib/data/audit";
import { findUserForLogin } from "@/lib/data/users";
import { clearAccountLock, refundClientAttempt, slowDownAfterFailure, spendLoginAttempt } from "./login-throttle";
import { verifyPassword } from "./password";

// Compared against when the account does not exist, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$4b+nNLJ7MYdhzu45NfFr7Q$vO9edc56ocmOCeW4rEI6iEmnLK19XcfTpbZiMx2HnXA";

export type PasswordLogin =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export async function authenticateWithPassword(email: string, password: string, client: string): Promise<PasswordLogin> {
  // Spent before verifying: of 60 parallel guesses, only the allowance is ever checked.
  const attempt = await spendLoginAttempt(email, client);
  if (!attempt.ok) return { ok: false, reason: "locked", retryAfterSeconds: attempt.retryAfterSeconds };
  const user = await findUserForLogin(email);
  const usable = user && user.passwordHash && !user.deactivatedAt;
  const matches = await verifyPassword(usable ? user.passwordHash! : DUMMY_HASH, password);
  if (!usable || !matches) {
    // Every password actually checked against a staff account leaves a trace its administrators can read.
    if (user) await recordAudit({ userId: null, action: "sign-in-failed", entityType: "user", entityId: user.id });
    await slowDownAfterFailure(attempt);
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([clearAccountLock(email), refundClientAttempt(client)]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
