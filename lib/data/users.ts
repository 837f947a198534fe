import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { isUniqueViolation } from "./prisma-errors";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  deactivatedAt: true,
  createdAt: true,
  passwordHash: false,
} as const;

export async function findUserForLogin(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
}

/** The user behind a session, if they still exist and are active. */
export async function getActiveUser(id: string) {
  return db.user.findFirst({ where: { id, deactivatedAt: null }, select: { id: true, email: true, name: true, role: true } });
}

export async function isActiveUserEmail(email: string) {
  return (await db.user.count({ where: { email: email.toLowerCase(), deactivatedAt: null } })) > 0;
}

export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: userSelect,
  });
}

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
}

/** Creates a user; EmailTakenError when the address already has an account. */
export async function createUser(data: { email: string; name?: string | null; role: Role; passwordHash?: string | null }) {
  try {
    return await db.user.create({ data: { ...data, email: data.email.toLowerCase() }, select: userSelect });
  } catch (e) {
    if (isUniqueViolation(e)) throw new EmailTakenError();
    throw e;
  }
}

export type GuardedChange = { ok: true; before: { email: string; role: Role } } | { ok: false; reason: "notFound" | "lastAdmin" };

/**
 * Changes a user unless that leaves the portal without an active admin. The
 * target's and every active admin's rows are locked first (in id order, so
 * no deadlock): of two concurrent demotions of the last two admins, the second
 * waits, then no longer sees the first as an admin, and is refused.
 */
async function changeUnlessLastAdmin(id: string, change: { role: Role } | { active: boolean }): Promise<GuardedChange> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; email: string; role: Role; active: boolean }[]>`
      SELECT id, email, role::text AS role, "deactivatedAt" IS NULL AS active FROM "User"
      WHERE id = ${id} OR (role = 'ADMIN' AND "deactivatedAt" IS NULL)
      ORDER BY id FOR UPDATE`;
    const target = rows.find((u) => u.id === id);
    if (!target) return { ok: false, reason: "notFound" };
    const after = { role: target.role, active: target.active, ...change };
    const admins = rows.filter((u) => u.role === "ADMIN" && u.active).length;
    const leavesAdmin = target.role === "ADMIN" && target.active && !(after.role === "ADMIN" && after.active);
    if (leavesAdmin && admins <= 1) return { ok: false, reason: "lastAdmin" };
    await tx.user.update({
      where: { id },
      data: "role" in change ? { role: change.role } : { deactivatedAt: change.active ? null : new Date() },
    });
    return { ok: true, before: { email: target.email, role: target.role } };
  });
}

/** The portal must always keep someone who can manage it: refuses to demote the last active admin. */
export function updateUserRole(id: string, role: Role): Promise<GuardedChange> {
  return changeUnlessLastAdmin(id, { role });
}

/** Refuses to deactivate the last active admin. */
export function setUserActive(id: string, active: boolean): Promise<GuardedChange> {
  return changeUnlessLastAdmin(id, { active });
}

/** The first administrator from ADMIN_EMAIL/ADMIN_PASSWORD: created once, never overwritten. */
export async function ensureAdmin(email: string, passwordHash: () => Promise<string>) {
  const existing = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (existing) return false;
  await db.user.create({
    data: { email: email.toLowerCase(), role: "ADMIN", name: "Administrator", passwordHash: await passwordHash() },
  });
  return true;
}
