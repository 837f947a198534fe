import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withSafeCallbackUrl } from "@/lib/auth/safe-request";

const at = (path: string, cookie?: string) =>
  withSafeCallbackUrl(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }));

describe("callback URLs Auth.js would answer with a 500", () => {
  it("are dropped from the query, and the rest of the request is kept", () => {
    const req = at("/api/auth/csrf?callbackUrl=1&x=2");
    expect(req.nextUrl.searchParams.get("callbackUrl")).toBeNull();
    expect(req.nextUrl.searchParams.get("x")).toBe("2");
    expect(at("/api/auth/csrf?callbackUrl=%E2%80%AE").nextUrl.searchParams.has("callbackUrl")).toBe(false);
    expect(at("/api/auth/csrf?callbackUrl=https%3A%2F%2Fevil.example%2F").nextUrl.searchParams.has("callbackUrl")).toBe(false);
  });

  it("are dropped from the cookie, other cookies kept", () => {
    const req = at("/api/auth/session", "a=b; authjs.callback-url=javascript%3Aalert(1); c=d");
    expect(req.headers.get("cookie")).toBe("a=b; c=d");
  });

  it("leave this site's own paths alone", () => {
    expect(at("/api/auth/csrf?callbackUrl=%2Fen%2Fadmin").nextUrl.searchParams.get("callbackUrl")).toBe("/en/admin");
    expect(at("/api/auth/session", "authjs.callback-url=%2Fko%2Fadmin").headers.get("cookie")).toBe(
      "authjs.callback-url=%2Fko%2Fadmin",
    );
  });
});
