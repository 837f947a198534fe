import { spawn, type ChildProcess } from "node:child_process";
import { parseEnv } from "@/lib/env";
import { LAUNCHER_BUNDLE } from "../lib/launcher-bundle";
import { memoryOptions, serverProcessEnv } from "../lib/server-command";
import type { CountingSwitch } from "@/lib/stats/counting-switch";
import { cpuTime, ownPeak, treeRss } from "./processes";

export type BenchServer = {
  url: string;
  process: ChildProcess;
  /** The most memory the portal's processes have held resident together, in MB. */
  peakMemoryMb(): number;
  /** The memory the portal's processes hold resident together now, in MB. */
  residentMb(): number;
  /** CPU time (user + system) the server and its children have used so far, in ms. */
  cpuMs(): number;
  /** Resumes or pauses counting (a server started with VIEW_COUNTING); resolves once the server has. */
  setCounting(on: boolean): Promise<void>;
  stop(): Promise<void>;
};

const MB = 1024 * 1024;
const running = new Set<BenchServer>();

/** Stops every server this run started (after a failure). */
export async function stopAllServers() {
  await Promise.all([...running].map((s) => s.stop()));
}

/**
 * The portal as `npm start` runs it in production (npm itself aside): the
 * launcher, which prepares the database in a child and then becomes the
 * server. Its launcher bundle is built once, in prepare().
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  /** Answered once the portal serves: the benchmark build's ceiling page, or the health check for a plain build. */
  readyPath = "/bench/ceiling.txt",
): Promise<BenchServer> {
  const child = spawn(process.execPath, [...memoryOptions(parseEnv(process.env)), LAUNCHER_BUNDLE], {
    env: {
      ...process.env,
      ...serverProcessEnv(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      // The load generator plays the reverse proxy: each reader's address arrives in X-Forwarded-For.
      TRUST_PROXY: "1",
      DATABASE_WAIT_S: "0",
      DEMO_DATA: "false",
      ...env,
    },
    // The channel lets the crossover pause and resume counting (lib/stats/counting-switch.ts).
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const url = `http://127.0.0.1:${port}`;
  // Up to 150 s: a first start migrates and may load the demo catalogue, slowly on a slow machine.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`The portal exited (${child.exitCode}) before serving on port ${port}.`);
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i === 600) {
      child.kill("SIGKILL");
      throw new Error(`The portal did not answer ${readyPath} on port ${port} within 150 s.`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // From here on every process of the family is one the portal keeps (the preparing child is gone):
  // their resident memory together, sampled, and the server's own peak between samples.
  let highest = 0;
  const sample = () => {
    if (child.pid) highest = Math.max(highest, treeRss(child.pid), ownPeak(child.pid));
  };
  const sampler = setInterval(sample, 500);
  const server: BenchServer = {
    url,
    process: child,
    peakMemoryMb: () => {
      sample();
      return Math.round(highest / MB);
    },
    residentMb: () => (child.pid ? Math.round(treeRss(child.pid) / MB) : 0),
    cpuMs: () => (child.pid ? cpuTime(child.pid) : 0),
    setCounting: (on) => switchCounting(child, on),
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

/** Sends the server a counting switch; resolves when it answers that the switch holds. */
function switchCounting(child: ChildProcess, on: boolean): Promise<void> {
  const message: CountingSwitch = { type: "perspectives:counting", counting: on };
  return new Promise((resolve, reject) => {
    const answer = (m: unknown) => {
      if ((m as CountingSwitch | null)?.type !== message.type || (m as CountingSwitch).counting !== on) return;
      clearTimeout(timer);
      child.off("message", answer);
      resolve();
    };
    const timer = setTimeout(() => {
      child.off("message", answer);
      reject(new Error(`The portal (process ${child.pid}) did not switch counting ${on ? "on" : "off"} within 10 s.`));
    }, 10_000);
    child.on("message", answer);
    child.send(message);
  });
}
