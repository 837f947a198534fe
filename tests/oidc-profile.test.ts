import { describe, expect, it } from "vitest";
import { oidcRefusal } from "@/lib/auth/oidc-profile";

describe("which single sign-on profiles may sign in", () => {
  it("accepts a verified address", () => {
    expect(oidcRefusal({ email: "Staff@Example.org", email_verified: true }, undefined)).toBeNull();
    expect(oidcRefusal({ email: "staff@example.org", email_verified: "true" }, ["example.org"])).toBeNull();
  });

  it.each([
    [{ email: "staff@example.org", email_verified: false }],
    [{ email: "staff@example.org" }],
    [{ email: "staff@example.org", email_verified: "yes" }],
    [{ email_verified: true }],
    [undefined],
  ])("refuses %o as unverified", (profile) => {
    expect(oidcRefusal(profile, undefined)).toBe("EmailUnverified");
  });

  it("refuses a verified address outside OIDC_ALLOWED_DOMAINS, subdomains included", () => {
    expect(oidcRefusal({ email: "staff@elsewhere.org", email_verified: true }, ["example.org"])).toBe("DomainNotAllowed");
    expect(oidcRefusal({ email: "staff@evil.example.org", email_verified: true }, ["example.org"])).toBe("DomainNotAllowed");
    expect(oidcRefusal({ email: "staff@example.org.evil", email_verified: true }, ["example.org"])).toBe("DomainNotAllowed");
  });
});
