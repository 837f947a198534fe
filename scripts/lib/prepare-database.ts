import pg from "pg";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { ensureFirstAdmin } from "./first-admin";
import { waitForDatabase } from "./wait-for-database";

async function catalogueIsEmpty(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from "Series"`);
    return rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

/**
 * Migrates, and fills a brand-new database with the demo catalogue once.
 * Seeding only an empty catalogue means a deleted demo paper stays deleted.
 */
export async function prepareDatabase(
  url: string,
  opts: {
    storageDir: string;
    demoData: boolean;
    log: (m: string) => void;
    admin?: { email: string; password: string };
  },
) {
  // One clear line when the server cannot be reached (`npm start` has already waited for it: DATABASE_WAIT_S).
  await waitForDatabase(url, { seconds: 0, log: opts.log });
  const applied = await applyMigrations(url);
  if (applied.length) opts.log(`Applied ${applied.length} migration(s).`);
  if (opts.admin && (await ensureFirstAdmin(url, opts.admin.email, opts.admin.password))) {
    opts.log(`Created the first administrator, ${opts.admin.email}.`);
  }
  if (opts.demoData && (await catalogueIsEmpty(url))) {
    const { seedDatabase } = await import("@/prisma/seed/seed");
    const { created } = await seedDatabase({ databaseUrl: url, storageDir: opts.storageDir, log: opts.log });
    opts.log(`Loaded the demo catalogue (${created} rows).`);
  }
}
