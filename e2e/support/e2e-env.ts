// Shared by the e2e server and the specs, so both look at the same database and files.
import os from "node:os";
import path from "node:path";

const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const E2E_DATABASE = "perspectives_e2e";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.join(os.tmpdir(), "perspectives-e2e");

export function e2eDatabaseUrl(database = E2E_DATABASE) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
export const E2E_ADMIN_URL = adminUrl;
export const E2E_SMTP_PORT = E2E_PORT + 25;
export const E2E_OIDC_PORT = E2E_PORT + 30;
export const E2E_MAIL_DIR = path.join(E2E_DATA_DIR, "received-mail");
