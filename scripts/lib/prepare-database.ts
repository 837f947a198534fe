import pg from "pg";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { ensureFirstAdmin } from "./first-admin";

/** Fails with one clear line when the server cannot be reached. */
export async function checkConnection(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    const where = (() => {
      try {
        const u = new URL(url);
        // `?host=/folder` is a Unix socket folder (the embedded database), which wins over the host name.
        return `${u.searchParams.get("host") ?? `${u.hostname}:${u.port || 5432}`}${u.pathname}`;
      } catch {
        return "DATABASE_URL";
      }
    })();
    throw new Error(`Cannot connect to PostgreSQL at ${where}: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

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
  opts: { storageDir: string; demoData: boolean; log: (m: string) => void; admin?: { email: string; password: string } },
) {
  await checkConnection(url);
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
