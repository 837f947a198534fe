// An operator who runs the build with plain `next start` (a platform's default,
// or a copied recipe) gets pages but no portal server in front: nothing
// counts page views there. The portal must say so when it starts, not leave
// staff to find out from statistics that stopped growing.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { portalEnv } from "../support/portal-env";
import { startInstance } from "../security/support/instance";
import { freePort } from "./support/npm-start";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

test("plain `next start` says at start that page views are not counted", async () => {
  // Arrange: the e2e run's production build, served by Next.js alone.
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    env: portalEnv({ PORT: String(port), APP_URL: `http://localhost:${port}` }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  try {
    // Act: it starts; the instrumentation hook has run once the health check answers.
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);

    // Assert
    await expect.poll(() => output).toContain("[stats] Page views are not counted");
    expect(output).toContain("use `npm start`, not `next start`");
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});

test("the portal's own server counts page views, and says nothing of the kind", async () => {
  // Arrange + Act: the same build behind the portal's server, as `npm start` runs it.
  const portal = await startInstance({});
  try {
    // Assert: the app found the server that counts its views.
    expect(portal.log()).toContain("production server on port");
    expect(portal.log()).not.toContain("Page views are not counted");
  } finally {
    await portal.stop();
  }
});
