// Playwright's web server: a fresh, seeded database and the portal's server
// (server/main.ts) on the production build, as `npm start` runs it. Signals
// are passed on so no server is left behind.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { seedDatabase } from "@/prisma/seed/seed";
import {
  E2E_ADMIN_URL,
  E2E_DATABASE,
  E2E_DATA_DIR,
  E2E_MAIL_DIR,
  E2E_OIDC_PORT,
  E2E_PORT,
  E2E_SMTP_PORT,
  e2eDatabaseUrl,
} from "./e2e-env";
import { E2E_OIDC_CLIENT, startIdentityProvider } from "./identity-provider";
import { startMailCatcher } from "./mail-catcher";
import { STAFF } from "./users";
import { ensureUser } from "@/scripts/lib/first-admin";
import { buildServerBundle, serverArgs } from "@/scripts/lib/server-bundle";
import { parseEnv } from "@/lib/env";

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: E2E_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${E2E_DATABASE}"`);
  await admin.end();
}

async function main() {
  const url = e2eDatabaseUrl();
  const storageDir = path.join(E2E_DATA_DIR, "files");
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  await recreateDatabase();
  await applyMigrations(url);
  await seedDatabase({ databaseUrl: url, storageDir });
  for (const user of Object.values(STAFF)) await ensureUser(url, user);
  await startMailCatcher(E2E_MAIL_DIR, E2E_SMTP_PORT);
  const appUrl = `http://localhost:${E2E_PORT}`;
  const oidcIssuer = await startIdentityProvider(E2E_OIDC_PORT, appUrl);

  await buildServerBundle();
  const child = spawn(process.execPath, serverArgs("start", parseEnv(process.env).SERVER_HEAP_MB), {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(E2E_PORT),
      DATABASE_URL: url,
      DATA_DIR: E2E_DATA_DIR,
      STORAGE_DIR: storageDir,
      APP_URL: appUrl,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "IFANS Perspectives <no-reply@perspectives.test>",
      OIDC_ISSUER: oidcIssuer,
      OIDC_CLIENT_ID: E2E_OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: E2E_OIDC_CLIENT.secret,
      OIDC_NAME: "Institute SSO",
      // Playwright types faster than any person; the fill-time rule has its own integration test.
      EMAIL_SHARE_MIN_FILL_SECONDS: "0",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
