"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { authorizeAction } from "@/lib/auth/session";
import { recordAudit } from "@/lib/data/audit";
import { DuplicateRedirectRuleError, createRedirectRule, deleteRedirectRule } from "@/lib/data/redirect-rules";
import { localeOrDefault } from "@/lib/i18n/routing";
import { redirectRuleIdSchema, redirectRuleSchema } from "@/lib/validations/redirects";

async function tFor(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "Redirects" });
}

/** Adds a rule; old links that fall under it redirect at once (the server asks the database on each request). */
export async function createRedirectRuleAction(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const parsed = redirectRuleSchema.safeParse({ fromPath: formData.get("fromPath") ?? "", toPath: formData.get("toPath") ?? "" });
  if (!parsed.success) return invalidForm(t("fixErrors"), parsed.error.issues, (c) => t(`errors.${c}` as "errors.required"));
  // 2. Authorize.
  const user = await authorizeAction("redirects:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  let rule: Awaited<ReturnType<typeof createRedirectRule>>;
  try {
    rule = await createRedirectRule(parsed.data, user.id);
  } catch (e) {
    if (!(e instanceof DuplicateRedirectRuleError)) throw e;
    return { ok: false, message: t("fixErrors"), fieldErrors: { fromPath: [t("errors.taken")] } };
  }
  await recordAudit({
    userId: user.id,
    action: "create",
    entityType: "redirect",
    entityId: rule.id,
    changes: { fromPath: [null, rule.fromPath], toPath: [null, rule.toPath] },
  });
  // 4. Revalidate.
  revalidatePath(`/${locale}/admin/redirects`);
  return { ok: true, message: t("created") };
}

/** Removes a rule: its old links get their 404 again. */
export async function deleteRedirectRuleAction(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const id = redirectRuleIdSchema.safeParse(formData.get("id"));
  if (!id.success) return { ok: false, message: t("notFound") };
  // 2. Authorize.
  const user = await authorizeAction("redirects:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const removed = await deleteRedirectRule(id.data);
  if (!removed) return { ok: false, message: t("notFound") };
  await recordAudit({
    userId: user.id,
    action: "delete",
    entityType: "redirect",
    entityId: removed.id,
    changes: { fromPath: [removed.fromPath, null], toPath: [removed.toPath, null] },
  });
  // 4. Revalidate.
  revalidatePath(`/${locale}/admin/redirects`);
  return { ok: true, message: t("deleted") };
}
