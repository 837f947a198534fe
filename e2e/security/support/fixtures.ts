// Rows a security spec makes for itself, so what it counts is its own.
import { randomUUID } from "node:crypto";
import { ensureUser } from "@/scripts/lib/first-admin";
import { e2eDatabaseUrl } from "../../support/e2e-env";
import { queryE2e } from "../../support/db";

/** A staff account with a password, unique to the caller. */
export async function createStaff(prefix: string, domain = "perspectives.test") {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@${domain}`;
  const password = `pw-${randomUUID()}`;
  await ensureUser(e2eDatabaseUrl(), { email, password, role: "EDITOR", name: prefix });
  const [row] = await queryE2e<{ id: string }>(`select id from "User" where email = $1`, [email]);
  return { id: row!.id, email, password };
}

/** Views of a paper as written by the counter: one row per counted request, with its visitor. */
export async function viewEvents(publicationId: number) {
  return queryE2e<{ visitorHash: string }>(
    `select "visitorHash" from "UsageEvent" where "publicationId" = $1 and kind = 'view'`,
    [publicationId],
  );
}

export async function auditCount(action: string, userId: string) {
  const [row] = await queryE2e<{ n: number }>(
    `select count(*)::int as n from "AuditLog" where action = $1 and "entityType" = 'user' and "entityId" = $2`,
    [action, userId],
  );
  return row!.n;
}

/** The sign-in link in the newest mail to `email`. */
export function signInLink(text: string | undefined) {
  return /(https?:\/\/[^\s]+\/api\/auth\/callback\/email\?[^\s]+)/.exec(text ?? "")?.[1];
}
