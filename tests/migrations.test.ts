import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, diffDatabaseToSchema, diffMigrationsToSchema } from "@/lib/migrate/schema-engine";
import { createDatabase } from "./support/databases";

describe("prisma/migrations", () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    db = await createDatabase("perspectives_migrations", { migrate: false });
  });
  afterAll(async () => db.drop());

  it("applies to an empty database and records each migration like prisma migrate deploy", async () => {
    const applied = await applyMigrations(db.url);
    expect(applied.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      `select migration_name, finished_at from _prisma_migrations order by migration_name`,
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await applyMigrations(db.url)).toEqual([]); // a second run has nothing to do
  });

  it("leaves the database exactly as schema.prisma describes (no drift)", async () => {
    expect(await diffDatabaseToSchema(db.url)).toMatch(/^(-- This is an empty migration\.)?$/);
    expect(await diffMigrationsToSchema(db.url)).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it("notices when the live database drifts from schema.prisma", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`ALTER TABLE "Series" ADD COLUMN "stray" integer`);
    await client.end();
    expect(await diffDatabaseToSchema(db.url)).toContain(`DROP COLUMN "stray"`);
  });

  it("keeps integrity rules Prisma cannot express as CHECK constraints", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ conname: string }>(
        `select conname from pg_constraint where contype = 'c' order by conname`,
      );
      expect(rows.map((r) => r.conname)).toEqual(
        expect.arrayContaining(["Publication_counters_nonnegative", "DailyStat_counters_nonnegative", "Attachment_sha256_hex"]),
      );
    } finally {
      await client.end();
    }
  });
});
