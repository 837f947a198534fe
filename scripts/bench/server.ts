import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { parseEnv } from "@/lib/env";
import { serverArgs } from "../lib/server-bundle";

export type BenchServer = {
  url: string;
  process: ChildProcess;
  peakMemoryMb(): number;
  /** CPU time (user + system) the server and its children have used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
};

/** A process and its descendants. */
function family(pid: number): number[] {
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
  return [pid, ...children(pid)];
}

/** Linux counts CPU time in ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat. */
const MS_PER_TICK = 10;

/**
 * CPU time used by a process and its descendants, in ms: what the process
 * would read from process.cpuUsage(), read from outside without asking it.
 */
function cpuTime(pid: number): number {
  let ticks = 0;
  for (const p of family(pid)) {
    try {
      // After the command name: state is field 3, utime 14 and stime 15 (1-based).
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * MS_PER_TICK;
}

/** VmHWM (peak resident memory) of a process and its descendants, in MB. */
function peakMemory(pid: number): number {
  let peak = 0;
  for (const p of family(pid)) {
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
    cpuMs: () => (child.pid ? cpuTime(child.pid) : 0),
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
