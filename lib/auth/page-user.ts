import "server-only";
import { redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { currentUser, type StaffUser } from "./session";

/** For the admin layout: any staff member, or off to sign in. */
export async function requirePageCurrentUser(locale: string): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/admin`)}`);
  if (!can(user.role, "admin:enter")) redirect(`/${locale}/sign-in?error=forbidden`);
  return user;
}

/** For an admin page: this permission, or off to sign in as someone who has it. */
export async function requirePagePermission(permission: Permission, locale: string, path: string): Promise<StaffUser> {
  const user = await currentUser();
  const callbackUrl = encodeURIComponent(path);
  if (!user) redirect(`/${locale}/sign-in?callbackUrl=${callbackUrl}`);
  if (!can(user.role, permission)) redirect(`/${locale}/sign-in?error=forbidden&callbackUrl=${callbackUrl}`);
  return user;
}
