// Connections the portal's server is not using are closed (server/connections.ts):
// one that never sends a request after CONNECTION_LIMITS.firstRequestMs, and
// kept-alive ones after the keep-alive timeout it announces to clients.
import net from "node:net";
import { expect, test } from "@playwright/test";
import { CONNECTION_LIMITS } from "@/server/connections";
import { E2E_PORT } from "../support/e2e-env";

/** Opens a connection to the e2e portal; `closed` resolves with the milliseconds until the server closed it. */
function connect() {
  const socket = net.connect(E2E_PORT, "127.0.0.1");
  socket.on("error", () => undefined);
  const opened = Date.now();
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now() - opened)));
  return { socket, closed, received: () => received };
}

test("a connection that never sends a byte is closed after the first-request timeout", async () => {
  const limit = CONNECTION_LIMITS.firstRequestMs;
  test.setTimeout(limit * 3 + 30_000);
  const { socket, closed, received } = connect();
  // Closed by the server, or still open after three times the limit (null).
  const after = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), limit * 3))]);
  socket.destroy();
  // Closed by the server, without an answer, and not at once: a slow client gets a fair chance to speak.
  expect(after, "the silent connection was still open after 3× the timeout").not.toBeNull();
  expect(after!).toBeGreaterThanOrEqual(limit / 3);
  expect(received()).toBe("");
});

test("a kept-alive connection is announced its keep-alive timeout and stays open while idle within it", async () => {
  // Idle past the first-request timeout (and past Node's default 5 s keep-alive), well within the announced one.
  const pause = CONNECTION_LIMITS.firstRequestMs + 2_000;
  expect(pause * 3).toBeLessThanOrEqual(CONNECTION_LIMITS.keepAliveMs);
  test.setTimeout(pause + 60_000);
  const { socket, closed, received } = connect();
  const ask = () => socket.write(`GET /api/health HTTP/1.1\r\nHost: localhost:${E2E_PORT}\r\n\r\n`);
  ask();
  await expect.poll(() => (received().match(/HTTP\/1\.1 200/g) ?? []).length).toBe(1);
  expect(received()).toMatch(new RegExp(`\r\nKeep-Alive: timeout=${CONNECTION_LIMITS.keepAliveMs / 1000}\r\n`, "i"));
  // Holding the connection idle is the point: the server must keep it open this long.
  await new Promise((r) => setTimeout(r, pause));
  expect(socket.readyState, "the server closed a kept-alive connection before its keep-alive timeout").toBe("open");
  ask();
  await expect.poll(() => (received().match(/HTTP\/1\.1 200/g) ?? []).length).toBe(2);
  socket.destroy();
  await closed;
});
