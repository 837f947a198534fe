import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Debian's old headless shell (package chromium-headless-shell) when present: what
// Playwright itself runs headless. Debian's full Chromium, in its new headless
// mode, starts the browser's own WebUI renderers beside each page: with Chromium
// 156 a new context took about 3 times as long and a navigation 1.7 times.
const chromium = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  // Two, wherever it runs: Playwright's default is half the cores, one on the
  // 2-core machines the suite runs on, and many tests spend their time waiting
  // (a mail, the indexer, a scheduled time) rather than computing (16.9 → 12.7 min).
  workers: 2,
  retries: 0,
  // The one timeout for every test, headroom rather than a speed target. A test
  // doing several tests' work says so with test.slow() (three times this), or
  // sets a timeout proportional to its work (e2e/fuzz, e2e/operations/idle-connections).
  timeout: 90_000,
  // How long an assertion waits for the page to get there: a server action
  // plus a mail server round trip, on a loaded 2-core machine, can pass 5 s
  // (Playwright's default), so headroom here too, not a speed target.
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      // Debian's Chromium when present; elsewhere run `npx playwright install chromium`.
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // A public-looking host for the security specs' instances (e2e/security/trusted-proxy.spec.ts).
        "--host-resolver-rules=MAP perspectives.test 127.0.0.1",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "npx tsx e2e/support/serve.ts",
    url: `http://localhost:${PORT}/en/publications`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
