import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { parseEnv } from "@/lib/env";
import { serverArgs } from "../lib/server-bundle";

export type BenchServer = { url: string; process: ChildProcess; peakMemoryMb(): number; stop(): Promise<void> };

/** VmHWM (peak resident memory) of a process and its descendants, in MB. */
function peakMemory(pid: number): number {
  const children = (p: number): number[] =>
    readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(p);
        } catch {
          return false;
        }
      })
      .flatMap((d) => [Number(d), ...children(Number(d))]);
  let peak = 0;
  for (const p of [pid, ...children(pid)]) {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(peak);
}

const running = new Set<BenchServer>();

/** Stops every server this run started (after a failure). */
export async function stopAllServers() {
  await Promise.all([...running].map((s) => s.stop()));
}

export async function startServer(port: number, env: Record<string, string>): Promise<BenchServer> {
  // The portal's own server (server/main.ts), as `npm start` runs it; its bundle is built once, in prepare().
  const child = spawn(process.execPath, serverArgs("start", parseEnv(process.env).SERVER_HEAP_MB), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      // The load generator plays the reverse proxy: each reader's address arrives in X-Forwarded-For.
      TRUST_PROXY: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  let highest = 0;
  const sampler = setInterval(() => {
    if (child.pid) highest = Math.max(highest, peakMemory(child.pid));
  }, 500);
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/bench/ceiling.txt`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const server: BenchServer = {
    url,
    process: child,
    peakMemoryMb: () => Math.max(highest, child.pid ? peakMemory(child.pid) : 0),
    async stop() {
      clearInterval(sampler);
      running.delete(server);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
  running.add(server);
  return server;
}
