import "server-only";
import { cache } from "react";
import { getActiveUser } from "@/lib/data/users";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./index";
import { can, type Permission } from "./permissions";

export type StaffUser = { id: string; email: string; name: string | null; role: Role };

/**
 * The signed-in user, read from the database on every request: a role change
 * applies at once and a deactivated user's session is over.
 */
export const currentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? getActiveUser(id) : null;
});

/** For server actions: the user when allowed, otherwise null (the action answers with an error state). */
export async function authorizeAction(permission: Permission): Promise<StaffUser | null> {
  const user = await currentUser();
  return user && can(user.role, permission) ? user : null;
}

/** For route handlers: the user, or the 401/403 response to send. */
export async function authorizeRequest(permission: Permission): Promise<StaffUser | Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(user.role, permission)) return Response.json({ error: "You are not allowed to do this." }, { status: 403 });
  return user;
}
