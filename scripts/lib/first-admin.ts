import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import pg from "pg";

type NewUser = { email: string; password: string; role: "ADMIN" | "EDITOR" | "ANALYST"; name: string };

/** Adds a user with a password unless the address already has an account (which is left alone). */
export async function ensureUser(url: string, user: NewUser): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "emailVerified", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, now(), now(), now()) ON CONFLICT (email) DO NOTHING`,
      [`c${randomBytes(12).toString("hex")}`, user.email.toLowerCase(), user.name, user.role, await hash(user.password)],
    );
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

/**
 * The first administrator from ADMIN_EMAIL/ADMIN_PASSWORD. Changing the
 * variables later must not reset anyone's password or role, so an existing
 * account is never touched.
 */
export async function ensureFirstAdmin(url: string, email: string, password: string): Promise<boolean> {
  return ensureUser(url, { email, password, role: "ADMIN", name: "Administrator" });
}
