// The operator's commands (`npm run search:reindex`, `import`, `stats:fold`,
// `db:reset`, `db:migrate`, `bench`) as typed in a terminal:
// - pointed at a database that is not there or not set up, each ends with one
//   line saying what to do, exit 1, and neither the driver's call site nor a
//   server's message ("answering 503") that means nothing in a terminal;
// - `--help` shows the usage and a wrong argument is refused, before anything
//   is done (a reset or a long rebuild must not start on a typo).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/port";
import { createDatabase, databaseUrl } from "./support/databases";
import { runNpmScript } from "./support/run-command";

const empty = await createDatabase("perspectives_script_errors", { migrate: false });
const scratch = await mkdtemp(path.join(os.tmpdir(), "perspectives-script-errors-"));
const archive = path.join(scratch, "archive");

afterAll(async () => {
  await empty.drop();
  await rm(scratch, { recursive: true, force: true });
});

/** `npm run <script> -- <args>` as an operator types it, against `url`; its exit code, output, and the last line it wrote to stderr. */
async function npmRun(script: string, url: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = await runNpmScript(script, args, { DATABASE_URL: url, STORAGE_DIR: path.join(scratch, "storage"), ...env });
  return { ...r, last: r.stderr.trim().split("\n").pop() ?? "" };
}

const SETUP = "has not been set up for the portal: run `npm run db:migrate`";

describe("scripts against a database that is not ready", { timeout: 60_000 }, () => {
  it("say that a database without the portal's tables needs `npm run db:migrate`", async () => {
    // Arrange: an archive folder the importer accepts, so that it gets as far as the database.
    await mkdir(archive, { recursive: true });
    await writeFile(path.join(archive, "publications.jsonl"), "");

    // Act
    const results = await Promise.all([
      npmRun("search:reindex", empty.url),
      npmRun("import", empty.url, [archive]),
      npmRun("stats:fold", empty.url),
    ]);

    // Assert
    for (const r of results) {
      expect(r.code, r.stderr).toBe(1);
      expect(r.last).toContain(SETUP);
      // And which table was missing, as the database named it.
      expect(r.last).toMatch(/The database said: .*(?:relation|table) .* does not exist/);
      // One line: no code frame from the data layer, no stack.
      expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
    }
  });

  it("say that a database that does not exist must be created, and one that cannot be reached, where", async () => {
    // Arrange: a port nothing listens on.
    const nowhere = `postgresql://postgres@127.0.0.1:${await freePort()}/perspectives`;

    // Act
    const [missing, unreachable] = await Promise.all([
      npmRun("search:reindex", databaseUrl(`${empty.name}_never_created`)),
      npmRun("search:reindex", nowhere),
    ]);

    // Assert
    expect(missing.code).toBe(1);
    expect(missing.last).toBe(
      "Error: The database named in DATABASE_URL does not exist: create it (createdb NAME), then run `npm run db:migrate`.",
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.last).toMatch(
      /^Error: the database in DATABASE_URL cannot be reached \(.*ECONNREFUSED.*\): is PostgreSQL running there\?$/,
    );
    expect(unreachable.stderr).not.toContain("503");
  });
});

describe("scripts' arguments", { timeout: 60_000 }, () => {
  it("show the usage on --help and refuse what they do not take, before touching the database", async () => {
    // Arrange: a database nothing could reach, so a command that went ahead would fail differently.
    const nowhere = `postgresql://postgres@127.0.0.1:${await freePort()}/perspectives`;

    // Act
    const [help, migrateHelp, option, reset, extra, benchSize, benchOption, plansCount, plansNowhere] = await Promise.all([
      npmRun("search:reindex", nowhere, ["--help"]),
      npmRun("db:migrate", nowhere, ["--help"]),
      npmRun("search:reindex", nowhere, ["--all"]),
      npmRun("db:reset", nowhere, ["now"]),
      npmRun("import", nowhere, [archive, "another-folder"]),
      // The benchmark, before it builds anything.
      npmRun("bench", nowhere, ["--size", "10k"]),
      npmRun("bench", nowhere, ["--instance", "2"]),
      npmRun("bench:plans", nowhere, ["--searches", "0"]),
      // Its catalogue is the one the benchmark builds, on the benchmark's server.
      npmRun("bench:plans", nowhere, [], { BENCH_DATABASE_URL: nowhere }),
    ]);

    // Assert
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run search:reindex/);
    expect(migrateHelp.code).toBe(0);
    expect(migrateHelp.stdout).toMatch(/^Usage: npm run db:migrate/);
    expect(option.code).toBe(1);
    expect(option.last).toMatch(/^Error: Unknown option --all\. Usage: npm run search:reindex/);
    expect(reset.code).toBe(1);
    expect(reset.last).toMatch(/^Error: Unexpected argument now\. Usage: npm run db:reset/);
    expect(extra.code).toBe(1);
    expect(extra.last).toMatch(/^Error: Unexpected argument another-folder\. Usage: npm run import/);
    expect(benchSize.code).toBe(1);
    expect(benchSize.stderr).toMatch(/^\[bench\] --size takes a whole number from 10 up, not "10k"\.\nUsage: npm run bench/);
    expect(benchOption.code).toBe(1);
    expect(benchOption.stderr).toMatch(/^\[bench\] Unknown option '--instance'/);
    expect(plansCount.code).toBe(1);
    expect(plansCount.stderr).toMatch(
      /^\[bench\] --searches takes a whole number from 1 to 10000, not "0"\.\nUsage: npm run bench:plans/,
    );
    expect(plansNowhere.code).toBe(1);
    expect(plansNowhere.last).toMatch(
      /^\[bench\] No benchmark catalogue to read \(.*ECONNREFUSED.*\): run `npm run bench -- --database-only` first\.$/,
    );
  });
});
