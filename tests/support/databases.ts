// Test databases live on the real PostgreSQL server (127.0.0.1:5432 by default);
// every one is created fresh with a unique name so a developer's data is never touched.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate/schema-engine";

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(prefix: string, { migrate = true } = {}) {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  if (migrate) await applyMigrations(url);
  return { name, url, drop: () => dropDatabase(name) };
}

export async function dropDatabase(name: string) {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
