"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { localeOrDefault } from "@/lib/i18n/routing";
import { emailSignInSchema, passwordSignInSchema } from "@/lib/validations/auth";

async function translator(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "SignIn" });
}

function refused(t: Awaited<ReturnType<typeof translator>>, issues: readonly { path: PropertyKey[]; message: string }[]) {
  return invalidForm(t("fixErrors"), issues, (c) => t(`errors.${c}` as "errors.required"));
}

export async function signInWithPassword(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await translator(locale);
  const parsed = passwordSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused(t, parsed.error.issues);
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: parsed.data.callbackUrl,
    });
  } catch (error) {
    // A successful sign-in "throws" a redirect, which must go on up.
    if (error instanceof AuthError) {
      const locked = error.type === "CredentialsSignin" && (error as AuthError & { code?: string }).code === "locked";
      return { ok: false, message: locked ? t("locked") : t("invalid") };
    }
    throw error;
  }
  return { ok: true };
}

export async function signInWithEmail(locale: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await translator(locale);
  const parsed = emailSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused(t, parsed.error.issues);
  let answer: unknown;
  try {
    answer = await signIn("email", { email: parsed.data.email, redirectTo: parsed.data.callbackUrl, redirect: false });
  } catch (error) {
    // Unknown addresses get the same answer as staff, so the form does not reveal who works here.
    if (!(error instanceof AuthError)) throw error;
  }
  // Refused by the limits (lib/auth/magic-link.ts), which treat staff and strangers alike.
  if (typeof answer === "string" && answer.includes("error=TooManyLinks")) return { ok: false, message: t("tooManyLinks") };
  redirect(`/${localeOrDefault(locale)}/sign-in/check-email`);
}

export async function signInWithSso(callbackUrl: string) {
  await signIn("oidc", { redirectTo: callbackUrl });
}
