import "server-only";
import { hash, verify } from "@node-rs/argon2";

export { PASSWORD_MIN_LENGTH } from "./password-policy";

// @node-rs/argon2 defaults to argon2id with OWASP's recommended cost.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}
