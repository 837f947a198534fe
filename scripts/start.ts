// `npm start` / `npm run dev`: checks the configuration, brings up the database
// (embedded PGlite when DATABASE_URL is unset, or waits for DATABASE_URL's),
// migrates and seeds it, then runs the portal's server (server/main.ts) and
// passes signals on, so Ctrl-C or a container's stop shuts everything down
// cleanly. npm runs it as one plain JavaScript file (scripts/build-launcher.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv, EnvError } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { ensurePortFree } from "./lib/port";
import { buildServerBundle, serverArgs } from "./lib/server-bundle";
import { Supervisor } from "./lib/supervisor";
import { waitForDatabase } from "./lib/wait-for-database";

const log = (m: string) => console.log(`[perspectives] ${m}`);
const mode = process.argv[2] === "dev" ? "dev" : "start";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Outside production a random secret is made once and kept with the data, so sessions survive restarts. */
function demoAuthSecret(dataDir: string) {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let embedded: EmbeddedPostgres | undefined;
let databaseStopped: Promise<void> | undefined;
/** Closes the embedded database (once, however many callers ask); nothing to do for DATABASE_URL's. */
const stopDatabase = () => (databaseStopped ??= embedded?.stop() ?? Promise.resolve());

// Migrating or seeding: a stop waits for the step to end (an interrupted migration may be half applied).
let preparing = false;
let exiting = false;
// Asked to stop before the server runs: close the database and go, at once or once it is prepared.
const supervisor = new Supervisor(log, () => {
  if (preparing) return log("Stopping once the database is prepared.");
  exiting = true;
  void stopDatabase().finally(() => process.exit(0));
});
/** Called between the steps that cannot be interrupted. */
async function exitIfStopping() {
  if (!supervisor.stopping) return;
  await stopDatabase();
  process.exit(0);
}

async function main() {
  const env = parseEnv(process.env);
  // Before a database starts or a build runs: a busy port is the commonest reason a second start fails.
  await ensurePortFree(env.PORT);
  const production = env.NODE_ENV === "production";
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(env.DATA_DIR);
    databaseUrl = embedded.url;
    log(`Embedded PostgreSQL (PGlite) on ${path.join(env.DATA_DIR, "pglite")}, for this user only at ${embedded.socket}`);
  }
  try {
    // The embedded database is up once it is opened; a server of one's own may still be starting.
    await waitForDatabase(databaseUrl, { seconds: embedded ? 0 : env.DATABASE_WAIT_S, log });
    const admin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined;
    preparing = true;
    await prepareDatabase(databaseUrl, { storageDir: env.STORAGE_DIR, demoData: env.DEMO_DATA, log, admin });
    preparing = false;
  } catch (e) {
    preparing = false;
    await stopDatabase();
    throw e;
  }
  await exitIfStopping();

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: env.DATA_DIR,
    STORAGE_DIR: env.STORAGE_DIR,
    APP_URL: env.APP_URL,
    AUTH_SECRET: process.env.AUTH_SECRET || (production ? undefined : demoAuthSecret(env.DATA_DIR)),
    // `next start` always runs as production; the operator's own NODE_ENV decides where unsent mail goes.
    MAIL_OUTBOX: String(env.MAIL_OUTBOX),
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (mode === "start" && !existsSync(path.resolve(".next/BUILD_ID"))) {
    log("No production build yet: running next build (once).");
    const { code } = await supervisor.run([nextBin, "build"], childEnv);
    await exitIfStopping();
    if (code !== 0) {
      await stopDatabase();
      process.exit(code ?? 1);
    }
  }

  if (mode === "start") await buildServerBundle();
  await exitIfStopping();
  const server = supervisor.run(serverArgs(mode, env.SERVER_HEAP_MB), { ...childEnv, PORT: String(env.PORT) });
  log(`Serving on ${env.APP_URL}`);
  const { code, signal } = await server;
  await stopDatabase();
  // Stopped on request: 0. Killed by anything else (or by the supervisor, as it would not stop): a failure.
  process.exit(code ?? (supervisor.stopping && signal !== "SIGKILL" ? 0 : 1));
}

main().catch((e: unknown) => {
  // Stopped while waiting for the database: that stop closes the database and exits.
  if (exiting) return;
  console.error(e instanceof EnvError ? e.message : `[perspectives] ${(e as Error).message}`);
  process.exit(1);
});
