"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { requestAlertSubscription } from "@/lib/alerts/request-subscription";
import { readAlertToken } from "@/lib/alerts/tokens";
import { confirmAlertRequest, eraseAlertSubscriber, unsubscribeAlerts, updateAlertChoices } from "@/lib/data/alerts";
import { localeOrDefault, type Locale } from "@/lib/i18n/routing";
import { clientAddress } from "@/lib/security/client-address";
import { alertChoicesFromForm, alertChoicesSchema, alertSubscribeSchema, isAlertErrorCode } from "@/lib/validations/alerts";

export type AlertActionState = ActionState & { done?: "confirmed" | "unsubscribed" | "erased" | "saved" };

type Translate = Awaited<ReturnType<typeof getTranslations<"Alerts">>>;

const invalid = (t: Translate, issues: { path: PropertyKey[]; message: string }[]) =>
  invalidForm(t("fixErrors"), issues, (code) => t(`errors.${isAlertErrorCode(code) ? code : "invalid"}`));

/** Choices errors (where nothing was chosen, or a bad id) are shown once, under "What to follow". */
const onChoices = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path[0] === "choices" || i.path[0] === undefined ? i : { ...i, path: ["choices", ...i.path] }));

export async function subscribeToAlerts(pageLocale: Locale, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations({ locale: localeOrDefault(pageLocale), namespace: "Alerts" });
  // 1. Parse.
  const parsed = alertSubscribeSchema.safeParse({
    email: formData.get("email") ?? "",
    consent: formData.get("consent") === "on",
    choices: alertChoicesFromForm(formData),
    website: (formData.get("website") as string | null) || undefined,
  });
  if (!parsed.success) return invalid(t, parsed.error.issues);
  // 2. Nothing to authorize: anyone may ask, within the limits; the mailbox's owner decides by the link.
  // 3. Act.
  const result = await requestAlertSubscription(parsed.data, clientAddress(await headers()));
  switch (result.status) {
    case "check_inbox":
      return { ok: true, message: t("checkInbox") };
    case "rate_limited":
      return { ok: false, message: t("rateLimited", { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
    case "not_configured":
      return { ok: false, message: t("notConfigured") };
    case "failed":
      return { ok: false, message: t("failed") };
  }
}

type Done = NonNullable<AlertActionState["done"]>;

/**
 * The signed-link actions: the token must be one of `purpose`'s and `act`
 * must find its row (a used or erased link finds none); the answer says so.
 */
async function byLink(
  pageLocale: Locale,
  purpose: "confirm" | "manage",
  token: string,
  done: Done,
  act: (id: string, t: Translate) => Promise<boolean | AlertActionState>,
): Promise<AlertActionState> {
  const t = await getTranslations({ locale: localeOrDefault(pageLocale), namespace: "Alerts" });
  const id = readAlertToken(purpose, token);
  const outcome = id ? await act(id, t) : false;
  if (typeof outcome === "object") return outcome;
  return outcome ? { ok: true, message: t(done), done } : { ok: false, message: t("linkInvalid") };
}

export async function confirmAlerts(pageLocale: Locale, token: string, _previous: AlertActionState): Promise<AlertActionState> {
  return byLink(pageLocale, "confirm", token, "confirmed", async (id) => (await confirmAlertRequest(id)) !== null);
}

export async function saveAlertChoices(
  pageLocale: Locale,
  token: string,
  _previous: AlertActionState,
  formData: FormData,
): Promise<AlertActionState> {
  return byLink(pageLocale, "manage", token, "saved", async (id, t) => {
    const parsed = alertChoicesSchema.safeParse(alertChoicesFromForm(formData));
    return parsed.success ? updateAlertChoices(id, parsed.data) : invalid(t, onChoices(parsed.error.issues));
  });
}

export async function unsubscribeFromAlerts(
  pageLocale: Locale,
  token: string,
  _previous: AlertActionState,
): Promise<AlertActionState> {
  return byLink(pageLocale, "manage", token, "unsubscribed", (id) => unsubscribeAlerts(id));
}

export async function eraseAlertAddress(
  pageLocale: Locale,
  token: string,
  _previous: AlertActionState,
): Promise<AlertActionState> {
  return byLink(pageLocale, "manage", token, "erased", (id) => eraseAlertSubscriber({ id }));
}
