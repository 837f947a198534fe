// A real OpenID Connect provider for the e2e run (panva's oidc-provider, the
// certified implementation), so single sign-on is tested against discovery,
// PKCE, signed ID tokens and the userinfo endpoint rather than a stub. Its
// development login form accepts any name: the name typed is the account's
// email. It keeps email out of the ID token and hands it out from userinfo, as
// conforming providers do when an access token is issued. A name starting with
// "unverified" gets `email_verified: false`, as a provider that lets users
// type their own address would send.
import Provider from "oidc-provider";

export const E2E_OIDC_CLIENT = { id: "perspectives-e2e", secret: "e2e-oidc-client-secret-e2e-oidc" } as const;

export async function startIdentityProvider(port: number, appUrl: string) {
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: E2E_OIDC_CLIENT.id,
        client_secret: E2E_OIDC_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      // Accounts whose name starts with "unverified" have an address the provider has not verified.
      claims: () => ({ sub, email: sub, email_verified: !sub.startsWith("unverified"), name: sub.split("@")[0] }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-identity-provider-cookie-key"] },
  });
  await new Promise<void>((resolve) => provider.listen(port, resolve));
  return issuer;
}
