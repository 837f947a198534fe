// The render gate (server/render-gate.ts) in front of a real HTTP server whose
// "renders" take as long as the test says: how many run at once, in what
// order, and what happens to readers who leave while waiting.
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRenderGate } from "@/server/render-gate";

type Render = { path: string; res: ServerResponse };

let server: Server | null = null;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
});

/** A server whose every request goes through a gate of `atOnce`; each render waits until the test finishes it. */
async function gatedServer(atOnce: number) {
  const gate = createRenderGate(atOnce);
  const rendering: Render[] = [];
  const started: string[] = [];
  let peak = 0;
  let waiters: (() => void)[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) =>
    gate(res, () => {
      started.push(req.url!);
      rendering.push({ path: req.url!, res });
      // A reader who hangs up mid-render ends it too.
      res.once("close", () => {
        const at = rendering.findIndex((r) => r.res === res);
        if (at !== -1) rendering.splice(at, 1);
      });
      peak = Math.max(peak, rendering.length);
      for (const wake of waiters) wake();
      waiters = [];
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    rendering,
    started,
    peak: () => peak,
    ask(path: string) {
      const req = get(base + path);
      const answer = new Promise<string>((resolve, reject) => {
        req.on("response", (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve(body));
        });
        req.on("error", reject);
      });
      return { req, answer };
    },
    /** Resolves once `n` renders have started. */
    async startedAtLeast(n: number) {
      while (started.length < n) await new Promise<void>((wake) => waiters.push(wake));
    },
  };
}

/** Ends the oldest render in progress with its path as the page. */
function finishOldest(rendering: Render[]) {
  const oldest = rendering.shift()!;
  oldest.res.end(oldest.path);
}

describe("the render gate", () => {
  it("renders no more than its number at once, and the others in the order they came", async () => {
    const s = await gatedServer(2);
    const paths = ["/1", "/2", "/3", "/4", "/5"];
    const asked = [];
    for (const path of paths) {
      asked.push(s.ask(path));
      // One at a time, so the order they reached the server is the order asked.
      await new Promise((r) => setTimeout(r, 20));
    }
    await s.startedAtLeast(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(s.started).toEqual(["/1", "/2"]);

    for (let done = 0; done < paths.length; done++) {
      await s.startedAtLeast(Math.min(done + 2, paths.length));
      expect(s.rendering.length).toBeLessThanOrEqual(2);
      finishOldest(s.rendering);
    }

    expect(await Promise.all(asked.map((a) => a.answer))).toEqual(paths);
    expect(s.started).toEqual(paths);
    expect(s.peak()).toBe(2);
  });

  it("skips a reader who left while waiting, and frees the turn of one who left mid-render", async () => {
    const s = await gatedServer(1);
    const first = s.ask("/first");
    await s.startedAtLeast(1);
    const gone = s.ask("/gone");
    gone.answer.catch(() => undefined);
    const last = s.ask("/last");
    await new Promise((r) => setTimeout(r, 50));

    // The waiting reader hangs up, then the one being rendered does too.
    gone.req.destroy();
    await new Promise((r) => setTimeout(r, 50));
    first.answer.catch(() => undefined);
    first.req.destroy();

    await s.startedAtLeast(2);
    finishOldest(s.rendering);
    expect(await last.answer).toBe("/last");
    expect(s.started).toEqual(["/first", "/last"]);
  });
});
