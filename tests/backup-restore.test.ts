// A backup as the README's "Backups" section tells an operator to take one:
// pg_dump without the data the portal makes again by itself (the search
// tables, stored pages, rendered bodies), restored into an empty database with
// pg_restore, then `npm run search:reindex`. The restored portal must be the
// same catalogue, on a schema the migrations call current, with the same
// search documents as the original. Runs the real pg_dump and pg_restore of
// the machine's PostgreSQL, and the commands as npm runs them.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./support/databases";
import { runCommand, runNpmScript } from "./support/run-command";

const original = await createDatabase("perspectives_backup_from");
const restored = await createDatabase("perspectives_backup_to", { migrate: false });
const scratch = await mkdtemp(path.join(os.tmpdir(), "perspectives-backup-"));
const dump = path.join(scratch, "perspectives.dump");

afterAll(async () => {
  await Promise.all([original.drop(), restored.drop()]);
  await rm(scratch, { recursive: true, force: true });
});

/**
 * The tables whose data the README's backup leaves out, as its command names
 * them: made again from the rest (search:reindex), or on demand as readers
 * ask (stored pages, rendered bodies).
 */
const LEFT_OUT = ['"SearchDocument"', '"SearchScoring"', '"StoredPage"', '"RenderedBody"'];

const SLOW = 240_000;

/** `npm run <name> -- <args>` against `url`, as an operator types it. */
function npmRun(name: string, url: string, args: string[] = []) {
  return runNpmScript(name, args, { DATABASE_URL: url, STORAGE_DIR: path.join(scratch, "storage") });
}

async function rows<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T & pg.QueryResultRow>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** What a reader and a search see: the catalogue's rows, and each paper's search document and scoring row, as digests. */
async function portalState(url: string) {
  const [counts] = await rows<Record<string, number>>(
    url,
    `SELECT (SELECT count(*)::int FROM "Publication") AS publications,
            (SELECT count(*)::int FROM "CatalogueEntry") AS entries,
            (SELECT count(*)::int FROM "Attachment") AS attachments,
            (SELECT count(*)::int FROM "DailyStat") AS "dailyStats",
            (SELECT count(*)::int FROM "SearchQueue") AS queued`,
  );
  const documents = await rows<{ id: number; digest: string }>(
    url,
    `SELECT d."publicationId" AS id,
       md5(concat_ws('|', d.title, d.head, d.body, d.pdf, s.title, s.head, s."titleKey", array_to_string(s."numberKeys", ','))) AS digest
     FROM "SearchDocument" d JOIN "SearchScoring" s USING ("publicationId") ORDER BY 1`,
  );
  return { counts, documents };
}

describe("a backup taken as the README says, restored", { timeout: SLOW }, () => {
  it("gives the same catalogue and, after search:reindex, the same search documents", async () => {
    // Arrange: the demo catalogue, indexed.
    expect(await npmRun("db:seed", original.url)).toMatchObject({ code: 0 });
    expect(await npmRun("search:reindex", original.url)).toMatchObject({ code: 0 });
    const before = await portalState(original.url);
    expect(before.documents.length).toBe(before.counts!.publications);
    expect(before.documents.length).toBeGreaterThan(0);

    // Act: the README's commands.
    const excluded = LEFT_OUT.map((t) => `--exclude-table-data=${t}`);
    const dumped = await runCommand("pg_dump", ["--format=custom", `--file=${dump}`, ...excluded, original.url], process.env);
    expect(dumped, dumped.stderr).toMatchObject({ code: 0 });
    const loaded = await runCommand(
      "pg_restore",
      ["--no-owner", "--no-acl", "--exit-on-error", `--dbname=${restored.url}`, dump],
      process.env,
    );
    expect(loaded, loaded.stderr).toMatchObject({ code: 0 });

    // Assert: the catalogue is whole and its schema current; the search documents are left to make.
    const restoredFirst = await portalState(restored.url);
    expect(restoredFirst.counts).toEqual(before.counts);
    expect(restoredFirst.documents).toEqual([]);
    const check = await npmRun("db:migrate", restored.url, ["check"]);
    expect(check, check.stderr).toMatchObject({ code: 0 });

    // After the rebuild, every paper has the search document it had.
    const rebuilt = await npmRun("search:reindex", restored.url);
    expect(rebuilt, rebuilt.stderr).toMatchObject({ code: 0 });
    expect(await portalState(restored.url)).toEqual(before);
  });
});
