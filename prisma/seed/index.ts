// `npm run db:seed`: loads the demo catalogue into DATABASE_URL; safe to run again.
import { parseEnv } from "@/lib/env";
import { commandArguments } from "@/scripts/lib/arguments";
import { runScript } from "@/scripts/lib/run-script";
import { seedDatabase } from "./seed";

runScript(async () => {
  commandArguments(
    "Usage: npm run db:seed (loads the demo catalogue into DATABASE_URL; safe to run again; it takes no arguments)",
  );
  const env = parseEnv();
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set; db:seed needs the PostgreSQL database to fill.");
    process.exit(1);
  }
  const { created } = await seedDatabase({
    databaseUrl: env.DATABASE_URL,
    storageDir: env.STORAGE_DIR,
    log: (msg) => console.log(msg),
  });
  console.log(`Seeded ${created} new rows.`);
  // pg pools keep the event loop alive; runScript would exit too, but be explicit.
  process.exit(0);
});
