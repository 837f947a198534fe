// `npm start` / `npm run dev`: checks the configuration, brings up the database
// (embedded PGlite when DATABASE_URL is unset), has it waited for, migrated and
// seeded by a short-lived child (scripts/lib/prepare-step.ts), then runs the
// portal's server (server/main.ts).
//
// With a database of the operator's own, `npm start` hands its process over:
// the server is loaded into it, so one process stays resident, not a launcher
// and a server. With the embedded database the launcher stays, as that
// database lives in it: it runs the server as a child and passes signals on,
// so Ctrl-C or a container's stop shuts everything down cleanly.
// npm runs it as one plain JavaScript file (scripts/build-launcher.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseEnv } from "@/lib/env";
import { launcherFailure } from "./lib/launcher-failure";
import type { EmbeddedPostgres } from "./lib/embedded-postgres";
import { ensurePortFree } from "./lib/port";
import { SERVER_BUNDLE, serverArgs } from "./lib/server-command";
import { Supervisor } from "./lib/supervisor";

const log = (m: string) => console.log(`[perspectives] ${m}`);
const mode = process.argv.includes("dev") ? "dev" : "start";
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

// Asked to stop while no child runs (the embedded database opening): that stop closes it and exits.
let exiting = false;

/** This very program, as Node runs it now (the bundle, or the source through tsx in tests). */
const self = [...process.execArgv, process.argv[1]!];

async function launch() {
  let embedded: EmbeddedPostgres | undefined;
  let databaseStopped: Promise<void> | undefined;
  /** Closes the embedded database (once, however many callers ask); nothing to do for DATABASE_URL's. */
  const stopDatabase = () => (databaseStopped ??= embedded?.stop() ?? Promise.resolve());
  /** Ends the launcher, the embedded database closed first. */
  const exit = async (code: number): Promise<never> => {
    await stopDatabase();
    process.exit(code);
  };
  const supervisor = new Supervisor(log, () => {
    exiting = true;
    void exit(0);
  });

  const env = parseEnv(process.env);
  // Before a database starts or a build runs: a busy port is the commonest reason a second start fails.
  await ensurePortFree(env.PORT);
  const production = env.NODE_ENV === "production";
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import("./lib/embedded-postgres");
    embedded = await startEmbeddedPostgres(env.DATA_DIR);
    databaseUrl = embedded.url;
    log(`Embedded PostgreSQL (PGlite) on ${path.join(env.DATA_DIR, "pglite")}, for this user only at ${embedded.socket}`);
    if (supervisor.stopping) return exit(0);
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

  // A stop while the child prepares waits for it to reach a safe point (it stops there itself).
  const prepared = await supervisor.run(
    [...self, "prepare", mode],
    // The embedded database is up once it is opened; a server of one's own may still be starting.
    { ...childEnv, DATABASE_WAIT_S: embedded ? "0" : String(env.DATABASE_WAIT_S) },
    { mayBeKilled: false },
  );
  if (supervisor.stopping) return exit(0);
  if (prepared.code !== 0) return exit(prepared.code ?? 1);

  if (mode === "start" && !existsSync(path.resolve(".next/BUILD_ID"))) {
    log("No production build yet: running next build (once).");
    const { code } = await supervisor.run([nextBin, "build"], childEnv);
    if (supervisor.stopping) return exit(0);
    if (code !== 0) return exit(code ?? 1);
  }

  const serverEnv = { ...childEnv, PORT: String(env.PORT) };
  if (mode === "start" && !embedded) {
    // Nothing of the launcher's is left to look after: its process becomes the server's.
    supervisor.release();
    Object.assign(process.env, serverEnv);
    log(`Serving on ${env.APP_URL}`);
    await import(pathToFileURL(SERVER_BUNDLE).href);
    return;
  }
  const server = supervisor.run(serverArgs(mode, env), serverEnv);
  log(`Serving on ${env.APP_URL}`);
  const { code, signal } = await server;
  // Stopped on request: 0. Killed by anything else (or by the supervisor, as it would not stop): a failure.
  return exit(code ?? (supervisor.stopping && signal !== "SIGKILL" ? 0 : 1));
}

if (process.argv[2] === "prepare") {
  void import("./lib/prepare-step").then(({ runPrepareStep }) => runPrepareStep(mode));
} else {
  launch().catch((e: unknown) => {
    if (exiting) return;
    console.error(launcherFailure(e));
    process.exit(1);
  });
}
