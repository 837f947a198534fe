// `npm test`: typecheck, lint, unit/integration (Vitest, real PostgreSQL), a
// production build, then end-to-end (Playwright, Chromium). Every stage runs
// even after a failure, and the last line sums them up as "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { playwrightFailures, vitestFailures, type PlaywrightReport, type VitestReport } from "./lib/test-failures";

type Tally = { passed: number; failed: number; skipped: number };
const tmp = mkdtempSync(path.join(os.tmpdir(), "perspectives-test-run-"));
const only = process.argv.slice(2);
const wanted = (stage: string) => only.length === 0 || only.includes(stage);

function sh(label: string, command: string, extraEnv: Record<string, string> = {}) {
  console.log(`\n▶ ${label}: ${command}`);
  const r = spawnSync(command, {
    shell: true,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  return r.status === 0;
}

/**
 * Starts a stage's command in the background, its output written to a file and
 * printed whole when the stage's turn comes, so that it does not mix with the
 * stage running meanwhile.
 */
function shBehind(label: string, command: string): () => Promise<boolean> {
  const log = path.join(tmp, `${label}.log`);
  const fd = openSync(log, "w");
  const child = spawn(command, { shell: true, stdio: ["ignore", fd, fd], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  closeSync(fd);
  const ended = new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(false));
    child.once("close", (code) => resolve(code === 0));
  });
  return async () => {
    const ok = await ended;
    console.log(`\n▶ ${label}: ${command}`);
    process.stdout.write(readFileSync(log));
    return ok;
  };
}

const tally = (ok: boolean): Tally => (ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/** Each failed test, named, for the run's last lines. */
const failures: string[] = [];

/** Whether this run's typecheck stage passed: its build then skips checking the same files again. */
let typesChecked = false;
let linted: (() => Promise<boolean>) | undefined;

const stages: Record<string, () => Tally | Promise<Tally>> = {
  typecheck: () => {
    // `npm run typecheck` in two steps: lint's typed rules read the route types
    // typegen writes, so lint starts once they are there and runs beside tsc
    // (each keeps one core busy for a minute or more, and they share nothing else).
    const generated = sh("typecheck", "npx next typegen");
    if (wanted("lint")) linted = shBehind("lint", "npm run --silent lint");
    typesChecked = generated && sh("typecheck", "npx tsc --noEmit");
    return tally(typesChecked);
  },
  lint: async () => tally(await (linted ?? shBehind("lint", "npm run --silent lint"))()),
  unit: () => {
    const out = path.join(tmp, "vitest.json");
    const ok = sh("unit and integration", "npx vitest run", { VITEST_JSON: out });
    const r = readJson<
      VitestReport & { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    >(out);
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
    failures.push(...vitestFailures(r).map((line) => `unit: ${line}`));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (ok || r.numFailedTests ? 0 : 1),
      skipped: r.numPendingTests + r.numTodoTests,
    };
  },
  e2e: () => {
    const checked: Record<string, string> = typesChecked ? { PERSPECTIVES_TYPES_CHECKED: "1" } : {};
    if (!sh("production build", "npx next build", checked)) return { passed: 0, failed: 1, skipped: 0 };
    const out = path.join(tmp, "playwright.json");
    const ok = sh("end-to-end", "npx playwright test", { PLAYWRIGHT_JSON: out });
    const r = readJson<PlaywrightReport & { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
      out,
    );
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
    failures.push(...playwrightFailures(r).map((line) => `e2e: ${line}`));
    const { expected, unexpected, flaky, skipped } = r.stats;
    return { passed: expected, failed: unexpected + flaky + (ok || unexpected ? 0 : 1), skipped };
  },
};

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
for (const [name, stage] of Object.entries(stages)) {
  if (!wanted(name)) continue;
  const t = await stage();
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  lines.push(`  ${name.padEnd(10)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`);
}
if (failures.length > 0) console.log(`\nFailed\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\nSummary\n${lines.join("\n")}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
