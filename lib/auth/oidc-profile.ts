/** Why a single sign-on profile is refused, or null when it may sign in (staff check aside). */
export function oidcRefusal(
  profile: { email?: unknown; email_verified?: unknown } | undefined,
  allowedDomains: readonly string[] | undefined,
): "EmailUnverified" | "DomainNotAllowed" | null {
  const email = typeof profile?.email === "string" ? profile.email.trim().toLowerCase() : "";
  // Only the provider's word that the address is verified: some providers let users type any email.
  const verified = profile?.email_verified === true || profile?.email_verified === "true";
  if (!email || !verified) return "EmailUnverified";
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (allowedDomains && !allowedDomains.includes(domain)) return "DomainNotAllowed";
  return null;
}
