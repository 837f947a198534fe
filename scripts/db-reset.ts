// `npm run db:reset`: empties the database (embedded or DATABASE_URL) and its
// stored files, then migrates and loads the demo catalogue again.
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { parseEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/prepare-database";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";

runScript(async () => {
  const { flags } = commandArguments(
    "Usage: npm run db:reset [-- --yes] (empties the database and its files, then loads the demo catalogue; --yes is required in production)",
    { flags: ["--yes"] },
  );
  const env = parseEnv();
  if (env.NODE_ENV === "production" && !flags.has("--yes")) {
    throw new Error("Refusing to reset a production database without --yes.");
  }
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(env.DATA_DIR);
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await client.end();
    await rm(path.join(env.STORAGE_DIR, "attachments"), { recursive: true, force: true });
    await prepareDatabase(url, { storageDir: env.STORAGE_DIR, demoData: true, log: console.log });
    console.log("Database reset.");
  } finally {
    await embedded?.stop();
  }
});
