// The launcher's first child (`launcher.mjs prepare start|dev`): waits for the
// database, migrates it, seeds it and creates the first administrator, and
// bundles the portal's server; then it exits. Run apart so that none of what
// it loads (Prisma's migration engine, the seed, esbuild) stays in the
// launcher, whose process becomes the server's in production (scripts/start.ts).
import { parseEnv } from "@/lib/env";
import { launcherFailure } from "./launcher-failure";
import { onStopRequest } from "@/lib/process/stop-requests";
import { prepareDatabase } from "./prepare-database";
import { buildServerBundle } from "./server-bundle";
import { waitForDatabase } from "./wait-for-database";

const log = (m: string) => console.log(`[perspectives] ${m}`);

export async function runPrepareStep(mode: "start" | "dev"): Promise<never> {
  // Migrating or seeding: a stop waits for the step to end (an interrupted migration may be half applied).
  let preparing = false;
  let stopping = false;
  onStopRequest(() => {
    if (stopping) return;
    stopping = true;
    if (!preparing) process.exit(0);
    log("Stopping once the database is prepared.");
  });
  try {
    const env = parseEnv(process.env);
    const url = env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (the launcher sets it for the embedded database).");
    // The launcher passes DATABASE_WAIT_S=0 for the embedded database: it is up once opened.
    await waitForDatabase(url, { seconds: env.DATABASE_WAIT_S, log });
    const admin = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined;
    preparing = true;
    await prepareDatabase(url, { storageDir: env.STORAGE_DIR, demoData: env.DEMO_DATA, log, admin });
    preparing = false;
    if (stopping) process.exit(0);
    if (mode === "start") await buildServerBundle();
    process.exit(0);
  } catch (e) {
    console.error(launcherFailure(e));
    process.exit(1);
  }
}
