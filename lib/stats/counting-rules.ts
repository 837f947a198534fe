import { cookieNames } from "@/lib/http/cookies";
import { isRobot } from "./robots";

/** The parts of a request the counting rules read: a Fetch request's, or the server's (server/page-views.ts). */
export type CountableRequest = {
  method: string;
  headers: Pick<Headers, "get" | "has">;
  cookieNames: string[];
};

/** The request as the counting rules read it. */
export function countableRequest(method: string, headers: Pick<Headers, "get" | "has">): CountableRequest {
  return { method, headers, cookieNames: cookieNames(headers) };
}

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
  const purpose = `${h.get("purpose") ?? ""} ${h.get("sec-purpose") ?? ""} ${h.get("x-purpose") ?? ""}`.toLowerCase();
  if (
    purpose.includes("prefetch") ||
    purpose.includes("prerender") ||
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
