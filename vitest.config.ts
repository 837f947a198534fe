import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // The real package throws outside React Server Components; tests are server code.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "tests/support/empty-module.ts") },
      // As the server's bundle has it: the catalogue's results rendered outside Next.js (server/plain-link.tsx).
      { find: /^next\/link$/, replacement: path.resolve(import.meta.dirname, "server/plain-link.tsx") },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // Two, wherever it runs: Vitest's default is one fewer than the cores, one on
    // the 2-core machines the suite runs on, while many files spend their time
    // waiting on PostgreSQL, a mail server or a child process.
    maxWorkers: 2,
    testTimeout: 30_000,
    // next-auth and next-intl import "next/server" as only Next.js's bundler resolves it: Vite resolves it too.
    server: { deps: { inline: ["next-auth", "next-intl"] } },
    hookTimeout: 120_000,
    reporters: process.env.VITEST_JSON ? ["default", ["json", { outputFile: process.env.VITEST_JSON }]] : ["default"],
  },
});
