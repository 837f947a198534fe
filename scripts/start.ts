// `npm start` / `npm run dev`: checks the configuration, brings up the database
// (embedded PGlite when DATABASE_URL is unset), migrates and seeds it, then
// runs the portal's server (server/main.ts) and passes signals on so Ctrl-C shuts everything down cleanly.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv, EnvError } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { ensurePortFree } from "./lib/port";
import { buildServerBundle, serverArgs } from "./lib/server-bundle";

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

function run(args: string[], childEnv: NodeJS.ProcessEnv) {
  return spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
}

async function main() {
  const env = parseEnv(process.env);
  // Before a database starts or a build runs: a busy port is the commonest reason a second start fails.
  await ensurePortFree(env.PORT);
  const production = env.NODE_ENV === "production";
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(env.DATA_DIR);
    databaseUrl = embedded.url;
    log(`Embedded PostgreSQL (PGlite) on ${path.join(env.DATA_DIR, "pglite")}, for this user only at ${embedded.socket}`);
  }
  const stopDatabase = async () => {
    await embedded?.stop();
    embedded = undefined;
  };
  try {
    const admin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined;
    await prepareDatabase(databaseUrl, { storageDir: env.STORAGE_DIR, demoData: env.DEMO_DATA, log, admin });
  } catch (e) {
    await stopDatabase();
    throw e;
  }

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
    const code = await new Promise<number>((resolve) => run([nextBin, "build"], childEnv).on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) {
      await stopDatabase();
      process.exit(code);
    }
  }

  if (mode === "start") await buildServerBundle();
  const child = run(serverArgs(mode, env.SERVER_HEAP_MB), { ...childEnv, PORT: String(env.PORT) });
  log(`Serving on ${env.APP_URL}`);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => {
    void stopDatabase().finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof EnvError ? e.message : `[perspectives] ${(e as Error).message}`);
  process.exit(1);
});
