import "server-only";
import { findUserForLogin } from "@/lib/data/users";
import { clearLoginFailures, loginAllowed, registerLoginFailure } from "./login-throttle";
import { verifyPassword } from "./password";

// Compared against when the account does not exist, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$4b+nNLJ7MYdhzu45NfFr7Q$vO9edc56ocmOCeW4rEI6iEmnLK19XcfTpbZiMx2HnXA";

export type PasswordLogin =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

export async function authenticateWithPassword(email: string, password: string, client: string): Promise<PasswordLogin> {
  const allowed = await loginAllowed(email, client);
  if (!allowed.ok) return { ok: false, reason: "locked", retryAfterSeconds: allowed.retryAfterSeconds };
  const user = await findUserForLogin(email);
  const usable = user && user.passwordHash && !user.deactivatedAt;
  const matches = await verifyPassword(usable ? user.passwordHash! : DUMMY_HASH, password);
  if (!usable || !matches) {
    await registerLoginFailure(email, client);
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(email, client);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
