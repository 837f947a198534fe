import { NextRequest } from "next/server";
import { env } from "@/lib/env";

// Auth.js answers 500 ("server configuration") when a request's callbackUrl,
// in the query or its cookie, is not an http(s) URL: input, not configuration.
// Such a value is dropped before Auth.js reads it; Auth.js then uses its default.
const CALLBACK_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);

/** A path on this site, or an absolute URL on APP_URL. */
function isOwnUrl(value: string): boolean {
  if (/^\/(?![/\\])[^\s]*$/.test(value)) return true;
  try {
    return new URL(value).origin === new URL(env().APP_URL).origin;
  } catch {
    return false;
  }
}

function safeCookieHeader(header: string | null): string | null {
  if (!header) return null;
  const kept = header.split(";").filter((pair) => {
    const eq = pair.indexOf("=");
    if (eq === -1) return true;
    const name = pair.slice(0, eq).trim();
    if (!CALLBACK_COOKIES.has(name)) return true;
    try {
      return isOwnUrl(decodeURIComponent(pair.slice(eq + 1).trim()));
    } catch {
      return false;
    }
  });
  return kept.length === header.split(";").length ? null : kept.join(";");
}

/** The request with any callbackUrl that is not this site's removed. */
export function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const callbackUrl = url.searchParams.get("callbackUrl");
  const badQuery = callbackUrl !== null && !isOwnUrl(callbackUrl);
  const cookie = safeCookieHeader(request.headers.get("cookie"));
  if (!badQuery && cookie === null) return request;
  if (badQuery) url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  if (cookie !== null) headers.set("cookie", cookie);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const init = { method: request.method, headers, body: hasBody ? request.body : null, duplex: "half" };
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}
