// The environment of a portal instance in the e2e run: the main server
// (serve.ts) and the extra instances the security specs start share it, so
// they read one database, one mail server and one storage folder.
import path from "node:path";
import { E2E_DATA_DIR, E2E_OIDC_PORT, E2E_PORT, E2E_SMTP_PORT, e2eDatabaseUrl } from "./e2e-env";
import { E2E_OIDC_CLIENT } from "./identity-provider";

export const E2E_OIDC_ISSUER = `http://localhost:${E2E_OIDC_PORT}`;
/** Single sign-on is open to this domain only (OIDC_ALLOWED_DOMAINS). */
export const E2E_STAFF_DOMAIN = "perspectives.test";

export function portalEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(E2E_PORT),
    DATABASE_URL: e2eDatabaseUrl(),
    DATA_DIR: E2E_DATA_DIR,
    STORAGE_DIR: path.join(E2E_DATA_DIR, "files"),
    APP_URL: `http://localhost:${E2E_PORT}`,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
    NEXT_TELEMETRY_DISABLED: "1",
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    MAIL_FROM: "IFANS Perspectives <no-reply@perspectives.test>",
    OIDC_ISSUER: E2E_OIDC_ISSUER,
    OIDC_CLIENT_ID: E2E_OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: E2E_OIDC_CLIENT.secret,
    OIDC_NAME: "Institute SSO",
    OIDC_ALLOWED_DOMAINS: E2E_STAFF_DOMAIN,
    // Playwright types faster than any person; the fill-time rule has its own integration test.
    EMAIL_SHARE_MIN_FILL_SECONDS: "0",
    ...overrides,
  };
}
