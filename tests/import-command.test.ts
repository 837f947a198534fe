// `npm run import` as an operator runs it: the command's exit codes, its
// report, the run it records, and a SIGTERM in the middle. Apart from
// tests/archive-import.test.ts (the importer itself, over 500 papers) so the
// two run side by side, each on a database and storage folder of its own.
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { nodeScriptArgs } from "@/scripts/lib/node-script";
import { generateArchive } from "./support/archive";
import { createDatabase } from "./support/databases";
import { runCommand, type CommandResult } from "./support/run-command";

const fresh = await createDatabase("perspectives_import_cli");
const scratch = await mkdtemp(path.join(os.tmpdir(), "perspectives-import-cli-"));
const storageDir = path.join(scratch, "storage");
process.env.DATABASE_URL = fresh.url;
process.env.STORAGE_DIR = storageDir;
resetEnvCache();

const { db, endPools } = await import("@/lib/db");

const SLOW = 300_000;

afterAll(async () => {
  await endPools();
  await fresh.drop();
  await rm(scratch, { recursive: true, force: true });
});

/**
 * Runs `npm run import` as an operator would (package.json's command, without
 * npm), on this file's database and storage; `started` sees the child, which
 * is the importer itself: a SIGTERM sent to it is the one a service manager sends.
 */
function runCli(args: string[], started?: (child: ChildProcess) => void): Promise<CommandResult> {
  return runCommand(
    process.execPath,
    [...nodeScriptArgs("import"), ...args],
    { ...process.env, DATABASE_URL: fresh.url, STORAGE_DIR: storageDir },
    started,
  );
}

describe("npm run import", () => {
  it("imports the example archive, records the run, and exits 0", { timeout: SLOW }, async () => {
    const runs = await db.importRun.count();
    const dry = await runCli(["examples/archive", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Imported: 4 (would be)");
    expect(await db.importRun.count()).toBe(runs);

    const real = await runCli(["examples/archive"]);
    expect(real).toMatchObject({ code: 0 });
    expect(real.stdout).toContain("Imported: 4\nUpdated: 0\nUnchanged: 0\nRefused: 0");
    expect(real.stderr).toContain("4/4 papers (100%)");
    const run = await db.importRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({
      status: "finished",
      dryRun: false,
      imported: 4,
      refused: 0,
      source: path.resolve("examples/archive"),
    });
  });

  it("exits 1 when a line is refused, and keeps the refused lines in the run's record", { timeout: SLOW }, async () => {
    const folder = path.join(scratch, "cli-refused");
    const archive = await generateArchive(folder, { prefix: "c", pairs: 2 });

    const result = await runCli([folder]);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Refused: ${archive.refusedLines}`);
    expect(result.stdout).toMatch(/^line \d+: publishedAt: "2024-02-30" is not a date/m);
    const run = await db.importRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({ status: "finished", imported: 4, refused: archive.refusedLines });
    expect(run.refusedLines).toHaveLength(archive.refusals.length);
  });

  it(
    "stops after the current paper on SIGTERM, records the run as failed, and a rerun finishes the job",
    { timeout: SLOW },
    async () => {
      const folder = path.join(scratch, "cli-killed");
      await generateArchive(folder, { prefix: "k", pairs: 40, refusals: false });
      const imported = () => db.publication.count({ where: { legacyId: { startsWith: "k-" } } });

      const killed = await runCli([folder], (child) => {
        // One SIGTERM only: on a loaded machine several counts may be under way at once, and a
        // second signal means "stop at once" (exit 130).
        let sent = false;
        const poll = setInterval(() => {
          void imported().then((n) => {
            if (n < 5 || sent) return;
            sent = true;
            clearInterval(poll);
            child.kill("SIGTERM");
          });
        }, 50);
        child.once("close", () => clearInterval(poll));
      });

      expect(killed.code).toBe(143);
      expect(killed.stdout).toContain("Interrupted: run the same command again");
      const partial = await imported();
      expect(partial).toBeGreaterThanOrEqual(5);
      expect(partial).toBeLessThan(80);
      expect(await db.importRun.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ status: "failed" });

      const rerun = await runCli([folder]);
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toContain(`Imported: ${80 - partial}\nUpdated: 0\nUnchanged: ${partial}\nRefused: 0`);
      expect(await imported()).toBe(80);
      expect(await db.attachment.count({ where: { publication: { legacyId: { startsWith: "k-" } } } })).toBe(80);
    },
  );
});
