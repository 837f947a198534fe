// Another instance of the portal, started by a security spec with the
// settings it tries (APP_URL on another host, TRUST_PROXY, a proxy in front).
// It shares the e2e database, mail server and files with the main e2e server,
// as several instances of one deployment do, and runs the same production
// build and server bundle (built by e2e/support/serve.ts before any spec runs).
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "@/scripts/lib/port";
import { parseEnv } from "@/lib/env";
import { serverArgs } from "@/scripts/lib/server-command";
import { portalEnv } from "../../support/portal-env";

export type Instance = { port: number; origin: string; stop: () => Promise<void>; log: () => string };

// A port nothing listens on now: the one helper the e2e specs and unit tests share.
export { freePort };

async function waitUntilHealthy(origin: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The instance exited (${child.exitCode}):\n${log()}`);
    const ok = await fetch(`${origin}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The instance at ${origin} did not become healthy:\n${log()}`);
}

/** Starts an instance with these settings on a port of its own (or the one given). */
export async function startInstance(settings: Record<string, string>, port?: number): Promise<Instance> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, serverArgs("start", { ...parseEnv(portalEnv()), SERVER_HEAP_MB: 256 }), {
    env: portalEnv({ PORT: String(chosen), PAGE_CACHE_MB: "0", ...settings }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Everything the instance printed (the fuzz suite reads it for stack traces), bounded.
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4_000_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const origin = `http://127.0.0.1:${chosen}`;
  await waitUntilHealthy(origin, child, () => output.slice(-8_000));
  return {
    port: chosen,
    origin,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * An instance behind a reverse proxy (support/reverse-proxy.ts) with
 * TRUST_PROXY=1 and APP_URL on the proxy's public-looking address
 * (perspectives.test, which playwright.config.ts maps to 127.0.0.1 for the
 * browser). Its own AUTH_SECRET keeps its limits apart from other instances'.
 */
export async function startProxiedInstance(secret: string, settings: Record<string, string> = {}) {
  const { startReverseProxy } = await import("./reverse-proxy");
  const port = await freePort();
  const proxy = await startReverseProxy(port);
  const appUrl = `http://perspectives.test:${proxy.port}`;
  const portal = await startInstance({ TRUST_PROXY: "1", APP_URL: appUrl, AUTH_SECRET: secret, ...settings }, port);
  return {
    portal,
    proxy,
    appUrl,
    stop: async () => {
      await portal.stop();
      await proxy.close();
    },
  };
}
