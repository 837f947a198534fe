// `npm test`: typecheck, lint, unit/integration (Vitest, real PostgreSQL), a
// production build, then end-to-end (Playwright, Chromium). Every stage runs
// even after a failure, and the last line sums them up as "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type Tally = { passed: number; failed: number; skipped: number };
const tmp = mkdtempSync(path.join(os.tmpdir(), "perspectives-test-run-"));
const only = process.argv.slice(2);

function sh(label: string, command: string, extraEnv: Record<string, string> = {}) {
  console.log(`\n▶ ${label}: ${command}`);
  const r = spawnSync(command, {
    shell: true,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  return r.status === 0;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/** Whether this run's typecheck stage passed: its build then skips checking the same files again. */
let typesChecked = false;

const stages: Record<string, () => Tally> = {
  typecheck: () => {
    typesChecked = sh("typecheck", "npm run --silent typecheck");
    return typesChecked ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  },
  lint: () => (sh("lint", "npm run --silent lint") ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }),
  unit: () => {
    const out = path.join(tmp, "vitest.json");
    const ok = sh("unit and integration", "npx vitest run", { VITEST_JSON: out });
    const r = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
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
    const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
    if (!r) return { passed: 0, failed: 1, skipped: 0 };
    const { expected, unexpected, flaky, skipped } = r.stats;
    return { passed: expected, failed: unexpected + flaky + (ok || unexpected ? 0 : 1), skipped };
  },
};

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
for (const [name, stage] of Object.entries(stages)) {
  if (only.length && !only.includes(name)) continue;
  const t = stage();
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
  lines.push(`  ${name.padEnd(10)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`);
}
console.log(`\nSummary\n${lines.join("\n")}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
