"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/state";
import { authorizeAction } from "@/lib/auth/session";
import { eraseAlertSubscriber } from "@/lib/data/alerts";
import { recordAudit } from "@/lib/data/audit";
import { storedAddress } from "@/lib/alerts/request-subscription";
import { localeOrDefault } from "@/lib/i18n/routing";
import { EMAIL_MAX } from "@/lib/validations/email-share-limits";

const removeSchema = z.object({ email: z.string().trim().min(1).max(EMAIL_MAX).pipe(z.email()) });

/** An administrator erases a subscriber's address (a reader's request by phone or letter, a complaint). */
export async function removeAlertAddress(locale: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations({ locale: localeOrDefault(locale), namespace: "AlertsAdmin" });
  // 1. Parse.
  const parsed = removeSchema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return { ok: false, message: t("invalidEmail"), fieldErrors: { email: [t("invalidEmail")] } };
  // 2. Authorize.
  const user = await authorizeAction("alerts:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act: the address as stored (domain lower-cased), or as typed.
  const email = storedAddress(parsed.data.email);
  const removed = (await eraseAlertSubscriber({ email })) || (await eraseAlertSubscriber({ email: parsed.data.email }));
  if (!removed) return { ok: false, message: t("notFound"), fieldErrors: { email: [t("notFound")] } };
  // The log names no address: erasing it is the point.
  await recordAudit({ userId: user.id, action: "remove", entityType: "alert-subscriber", entityId: "erased" });
  // 4. Revalidate.
  revalidatePath(`/${locale}/admin/alerts`);
  return { ok: true, message: t("removed", { email: parsed.data.email }) };
}
