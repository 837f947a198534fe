// The benchmark's crossover (scripts/bench/counting.ts, crossover.ts) pauses
// and resumes counting in a running server through the IPC channel it opened
// (lib/stats/counting-switch.ts). Its figures are only worth anything if a
// paused process counts nothing, a resumed one counts every view, and each
// switch is answered only once it holds.
import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { visitorHash } from "@/lib/stats/visitor";
import { createPublication, createSeries } from "./support/factories";
import { supportScriptArgs } from "./support/run-command";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** The counting process, with every message it has sent so far. */
async function startCounter() {
  const child = spawn(process.execPath, supportScriptArgs("counting-switch-child.ts"), {
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const received: unknown[] = [];
  child.on("message", (m) => received.push(m));
  await nextMessage(child, (m) => (m as { ready?: boolean }).ready === true);
  return { child, received };
}

function nextMessage(child: ChildProcess, matches: (m: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const answer = (m: unknown) => {
      if (!matches(m)) return;
      child.off("message", answer);
      child.off("exit", gone);
      resolve(m);
    };
    const gone = (code: number | null) => reject(new Error(`the counting process exited (${code})`));
    child.on("message", answer);
    child.once("exit", gone);
  });
}

/** Asks the process to count a view of `publicationId` by `address`; resolves once it is written, if counted. */
async function view(child: ChildProcess, publicationId: number, address: string) {
  child.send({ view: publicationId, address });
  await nextMessage(child, (m) => (m as { counted?: string }).counted === address);
}

async function switchCounting(child: ChildProcess, counting: boolean) {
  const message = { type: "perspectives:counting", counting };
  child.send(message);
  return nextMessage(child, (m) => (m as { type?: string }).type === message.type);
}

async function paper() {
  const series = await createSeries();
  return createPublication({ seriesId: series.id, status: "published" });
}

const visitorsOf = async (publicationId: number) =>
  (await db.usageEvent.findMany({ where: { publicationId }, select: { visitorHash: true } })).map((e) => e.visitorHash).sort();
const hashes = (...addresses: string[]) => addresses.map((a) => visitorHash(env().AUTH_SECRET, a, CHROME)).sort();

describe("switching counting in a running process", () => {
  it("counts nothing while paused and every view once resumed, each switch answered once it holds", async () => {
    const p = await paper();
    const { child } = await startCounter();
    try {
      await view(child, p.id, "10.7.0.1");
      expect(await switchCounting(child, false)).toEqual({ type: "perspectives:counting", counting: false });
      await view(child, p.id, "10.7.0.2");
      await view(child, p.id, "10.7.0.3");
      expect(await switchCounting(child, true)).toEqual({ type: "perspectives:counting", counting: true });
      await view(child, p.id, "10.7.0.4");
      expect(await visitorsOf(p.id)).toEqual(hashes("10.7.0.1", "10.7.0.4"));
    } finally {
      child.kill();
    }
  });

  it("leaves alone, and does not answer, a message that is not a switch", async () => {
    const p = await paper();
    const { child, received } = await startCounter();
    try {
      for (const m of [
        { type: "perspectives:counting", counting: "false" },
        { type: "perspectives:counting" },
        { type: "something else", counting: false },
        "pause",
        [false],
      ])
        child.send(m);
      // Messages arrive in order: an answer to any of them would come before this view's.
      await view(child, p.id, "10.7.1.1");
      expect(received).toEqual([{ ready: true }, { counted: "10.7.1.1" }]);
      expect(await visitorsOf(p.id)).toEqual(hashes("10.7.1.1"));
    } finally {
      child.kill();
    }
  });
});
