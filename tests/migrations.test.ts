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

  it("stores the long texts read whole with lz4 where the server has it, and a body written after is so compressed", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows: setting } = await client.query<{ lz4: boolean }>(
        `select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`,
      );
      // The test database is Debian's PostgreSQL, built with lz4 (the embedded one is not: embedded-postgres.test.ts migrates it).
      expect(setting[0]?.lz4).toBe(true);
      const { rows } = await client.query<{ col: string; method: string }>(
        `select attrelid::regclass || '.' || attname as col, attcompression as method from pg_attribute
         where (attrelid, attname) in (('"Publication"'::regclass, 'body'), ('"Attachment"'::regclass, 'extractedText'),
           ('"RenderedBody"'::regclass, 'html'), ('"StoredPage"'::regclass, 'html'), ('"Publication"'::regclass, 'title'))
         order by 1`,
      );
      expect(rows).toEqual([
        { col: `"Attachment".extractedText`, method: "l" },
        { col: `"Publication".body`, method: "l" },
        { col: `"Publication".title`, method: "" },
        { col: `"RenderedBody".html`, method: "l" },
        { col: `"StoredPage".html`, method: "l" },
      ]);
      const series = await client.query<{ id: number }>(
        `insert into "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt") values ('lz4', '시리즈', 'Series', 'S', now()) returning id`,
      );
      // A real paper's body is tens of kilobytes: long enough to be compressed.
      const body = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of a policy paper on alliances.`).join("\n\n");
      await client.query(
        `insert into "Publication" ("seriesId", "reportNumber", language, title, body, "updatedAt") values ($1, '2026-1', 'en', 'T', $2, now())`,
        [series.rows[0]!.id, body],
      );
      const stored = await client.query<{ method: string; body: string }>(
        `select pg_column_compression(body) as method, body from "Publication" where "reportNumber" = '2026-1'`,
      );
      expect(stored.rows[0]).toEqual({ method: "lz4", body });
    } finally {
      await client.end();
    }
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
