// The benchmark's production build: `next build` with the prerendered ceiling
// page in place. Its source (ceiling/page.tsx) is copied to app/bench/ceiling/
// for the build and removed when the build ends, fails or is interrupted, so
// an ordinary build has no /bench/ceiling route. app/bench/ is in .gitignore.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const CEILING_SOURCE = path.join(import.meta.dirname, "ceiling", "page.tsx");
const ROUTE_DIR = path.resolve("app", "bench");

export function installCeilingPage() {
  mkdirSync(path.join(ROUTE_DIR, "ceiling"), { recursive: true });
  copyFileSync(CEILING_SOURCE, path.join(ROUTE_DIR, "ceiling", "page.tsx"));
}

export function removeCeilingPage() {
  rmSync(ROUTE_DIR, { recursive: true, force: true });
}

function nextBuild(): Promise<void> {
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Ctrl-C reaches the build too; a SIGTERM to the benchmark alone is passed on. Either way the build ends first.
  const passOn = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", passOn);
  process.on("SIGTERM", passOn);
  return new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(signal ? `next build stopped by ${signal}` : `next build failed (exit code ${code})`));
    });
  }).finally(() => {
    process.off("SIGINT", passOn);
    process.off("SIGTERM", passOn);
  });
}

/** `next build` with app/bench/ceiling/page.tsx present for it and removed afterwards, whatever the outcome. */
export async function buildWithCeilingPage() {
  installCeilingPage();
  try {
    await nextBuild();
  } finally {
    removeCeilingPage();
  }
}
