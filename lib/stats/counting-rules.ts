import { cookieNames } from "@/lib/http/cookies";
import { isRobot } from "./robots";

/** The parts of a request the counting rules read: a Fetch request's, or the server's (server/page-views.ts). */
export type CountableRequest = {
  method: string;
  headers: Pick<Headers, "get" | "has">;
  cookieNames: readonly string[];
};

const NO_COOKIES: readonly string[] = [];

/** The request as the counting rules read it. */
export function countableRequest(method: string, headers: Pick<Headers, "get" | "has">): CountableRequest {
  // Most readers send no cookie: nothing to split (this runs on every page view).
  return { method, headers, cookieNames: headers.has("cookie") ? cookieNames(headers) : NO_COOKIES };
}

/** Whether a purpose header's value asks for a prefetch or a prerender (any case, any list). */
const PREFETCH = /prefetch|prerender/i;
const speculative = (value: string | null) => value !== null && PREFETCH.test(value);

export type SkipReason = "method" | "prefetch" | "robot" | "staff";

/** Names of Auth.js's session cookie, over http and https. */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Whether a request for a page or file is a person's use of it, by COUNTER's
 * rules: GET only (HEAD carries no content); no prefetches
 * (browser speculation, Next.js router prefetches); no robots; and, unless
 * configured otherwise, no signed-in staff. Null means "count it".
 */
export function skipReason(request: CountableRequest, options: { countStaff: boolean }): SkipReason | null {
  if (request.method !== "GET") return "method";
  const h = request.headers;
  // Each header tested apart: a reader's request has none of them, and pays for no string built of them.
  if (
    speculative(h.get("purpose")) ||
    speculative(h.get("sec-purpose")) ||
    speculative(h.get("x-purpose")) ||
    h.get("next-router-prefetch") === "1" ||
    h.has("x-middleware-prefetch")
  ) {
    return "prefetch";
  }
  if (isRobot(h.get("user-agent"))) return "robot";
  if (
    !options.countStaff &&
    request.cookieNames.some((c) => SESSION_COOKIES.includes(c) || c.startsWith(`${SESSION_COOKIES[1]}.`))
  )
    return "staff";
  return null;
}
