import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, startEmbeddedPostgres } from "@/scripts/lib/embedded-postgres";
import { prepareDatabase } from "@/scripts/lib/prepare-database";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL (PGlite)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "perspectives-pglite-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("migrates on first start and keeps committed data across a restart", async () => {
    const first = await startEmbeddedPostgres(dir);
    try {
      await prepareDatabase(first.url, { storageDir: path.join(dir, "files"), demoData: false, log: () => undefined });
      await query(
        first.url,
        `insert into "Series" ("slug","nameKo","nameEn","reportPrefix","updatedAt") values ('kept','유지','Kept','KEPT',now())`,
      );
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres(dir);
    try {
      await prepareDatabase(second.url, { storageDir: path.join(dir, "files"), demoData: false, log: () => undefined });
      const rows = await query<{ slug: string }>(second.url, `select slug from "Series"`);
      expect(rows.map((r) => r.slug)).toEqual(["kept"]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a second process on the same data directory while the first lives", async () => {
    const lockDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-lock-"));
    const lockFile = path.join(lockDir, "pglite.lock");
    const { spawn } = await import("node:child_process");
    // A live process other than this one holds the lock.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(lockFile, String(holder.pid));
    try {
      expect(() => acquireLock(lockFile)).toThrow(/is in use by another Perspectives process \(pid \d+\)/);
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.once("exit", r));
    // Once that process is gone, its stale lock is taken over.
    const release = acquireLock(lockFile);
    release();
    await rm(lockDir, { recursive: true, force: true });
  });
});
