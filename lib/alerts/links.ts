import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { alertToken } from "./tokens";

// Every link an alert mail carries, absolute on APP_URL (never the request's host).

export const confirmUrl = (locale: Locale, requestId: string) =>
  `${env().APP_URL}/${locale}/alerts/confirm?token=${alertToken("confirm", requestId)}`;

export const manageUrl = (locale: Locale, subscriberId: string) =>
  `${env().APP_URL}/${locale}/alerts/manage?token=${alertToken("manage", subscriberId)}`;

/** RFC 8058's target: a mail program POSTs `List-Unsubscribe=One-Click` to it. */
export const oneClickUnsubscribeUrl = (locale: Locale, subscriberId: string) =>
  `${env().APP_URL}/api/alerts/unsubscribe?locale=${locale}&token=${alertToken("manage", subscriberId)}`;
