import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

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

export async function createUser(data: { email: string; name?: string | null; role: Role; passwordHash?: string | null }) {
  return db.user.create({ data: { ...data, email: data.email.toLowerCase() }, select: userSelect });
}

export async function updateUserRole(id: string, role: Role) {
  return db.user.update({ where: { id }, data: { role }, select: userSelect });
}

export async function setUserActive(id: string, active: boolean) {
  return db.user.update({ where: { id }, data: { deactivatedAt: active ? null : new Date() }, select: userSelect });
}

export async function countActiveAdmins() {
  return db.user.count({ where: { role: "ADMIN", deactivatedAt: null } });
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
