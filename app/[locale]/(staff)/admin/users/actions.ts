"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { signIn } from "@/lib/auth";
import { asInvitation } from "@/lib/auth/magic-link";
import { authorizeAction } from "@/lib/auth/session";
import { recordAudit } from "@/lib/data/audit";
import { createUser, EmailTakenError, setUserActive, updateUserRole } from "@/lib/data/users";
import { localeOrDefault } from "@/lib/i18n/routing";
import { changeRoleSchema, inviteUserSchema, setActiveSchema } from "@/lib/validations/users";

async function tFor(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "Users" });
}

/** Admins invite by email: the account is created and a sign-in link is sent to it. */
export async function inviteUser(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await tFor(locale);
  const parsed = inviteUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm(t("fixErrors"), parsed.error.issues, (c) => t(`errors.${c}` as "errors.required"));
  const admin = await authorizeAction("users:manage");
  if (!admin) return { ok: false, message: t("forbidden") };
  try {
    const user = await createUser({ email: parsed.data.email, name: parsed.data.name || null, role: parsed.data.role });
    await recordAudit({
      userId: admin.id,
      action: "invite",
      entityType: "user",
      entityId: user.id,
      changes: { email: [null, user.email], role: [null, user.role] },
    });
  } catch (e) {
    if (e instanceof EmailTakenError) return { ok: false, message: t("fixErrors"), fieldErrors: { email: [t("errors.taken")] } };
    throw e;
  }
  revalidatePath(`/${locale}/admin/users`);
  try {
    const answer: unknown = await asInvitation(() =>
      signIn("email", { email: parsed.data.email, redirect: false, redirectTo: `/${locale}/admin` }),
    );
    if (typeof answer === "string" && answer.includes("error="))
      return { ok: true, message: t("invitedNoMail", { email: parsed.data.email }) };
  } catch {
    return { ok: true, message: t("invitedNoMail", { email: parsed.data.email }) };
  }
  return { ok: true, message: t("invited", { email: parsed.data.email }) };
}

export async function changeUserRole(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await tFor(locale);
  const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: t("fixErrors") };
  const admin = await authorizeAction("users:manage");
  if (!admin) return { ok: false, message: t("forbidden") };
  // The portal must always keep someone who can manage it: refused in the same transaction as the change.
  const changed = await updateUserRole(parsed.data.userId, parsed.data.role);
  if (!changed.ok) return { ok: false, message: t(changed.reason) };
  const { before } = changed;
  await recordAudit({
    userId: admin.id,
    action: "role",
    entityType: "user",
    entityId: parsed.data.userId,
    changes: { role: [before.role, parsed.data.role] },
  });
  revalidatePath(`/${locale}/admin/users`);
  return { ok: true, message: t("roleChanged", { email: before.email }) };
}

export async function setUserActiveAction(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await tFor(locale);
  const parsed = setActiveSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: t("fixErrors") };
  const admin = await authorizeAction("users:manage");
  if (!admin) return { ok: false, message: t("forbidden") };
  if (!parsed.data.active && parsed.data.userId === admin.id) return { ok: false, message: t("notYourself") };
  const changed = await setUserActive(parsed.data.userId, parsed.data.active);
  if (!changed.ok) return { ok: false, message: t(changed.reason) };
  const { before } = changed;
  await recordAudit({
    userId: admin.id,
    action: parsed.data.active ? "reactivate" : "deactivate",
    entityType: "user",
    entityId: parsed.data.userId,
  });
  revalidatePath(`/${locale}/admin/users`);
  return { ok: true, message: t(parsed.data.active ? "reactivated" : "deactivated", { email: before.email }) };
}
