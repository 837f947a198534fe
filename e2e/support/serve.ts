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
import { queryE2e } from "./db";
import { startIdentityProvider } from "./identity-provider";
import { portalEnv } from "./portal-env";
import { startMailCatcher } from "./mail-catcher";
import { STAFF } from "./users";
import { ensureUser } from "@/scripts/lib/first-admin";
import { buildServerBundle } from "@/scripts/lib/server-bundle";
import { serverArgs, serverProcessEnv } from "@/scripts/lib/server-command";
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
  // Papers the specs make carry E2E- report numbers (foundation.spec.ts tells them from the demo's by
  // that prefix), so the demo series they are filed in accepts those besides its own YYYY-N[E].
  await queryE2e(`update "Series" set "reportNumberPattern" = '^(?:\\d{4}-\\d{1,3}[EK]?|E2E-[0-9a-f]{8})$'`);
  for (const user of Object.values(STAFF)) await ensureUser(url, user);
  await startMailCatcher(E2E_MAIL_DIR, E2E_SMTP_PORT);
  const appUrl = `http://localhost:${E2E_PORT}`;
  await startIdentityProvider(E2E_OIDC_PORT, appUrl);

  await buildServerBundle();
  const child = spawn(process.execPath, serverArgs("start", parseEnv(process.env)), {
    stdio: "inherit",
    env: { ...portalEnv({ APP_URL: appUrl }), ...serverProcessEnv() },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
