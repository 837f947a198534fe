import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase } from "./databases";

/** One migrated database and storage folder per run, shared by the test files; each test makes its own rows. */
export default async function setup(_project: TestProject) {
  const db = await createDatabase("perspectives_test");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-test-"));
  process.env.DATABASE_URL = db.url;
  process.env.DATA_DIR = dataDir;
  process.env.STORAGE_DIR = path.join(dataDir, "files");
  return async () => {
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
