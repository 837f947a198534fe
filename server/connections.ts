// How long the portal's server keeps a connection it is not using, and how it
// lets connections go when it stops. Node's defaults keep a connection that
// never sends a byte open for ever (its header and request timeouts start at
// the first byte), so a few hundred silent sockets hold memory and file
// descriptors indefinitely.
import type { Server, ServerResponse } from "node:http";
import net, { type Socket } from "node:net";

export const CONNECTION_LIMITS = {
  /** A connection that has not sent its first request within this is closed. */
  firstRequestMs: 10_000,
  /**
   * Idle time allowed between requests on a kept-alive connection. Longer than
   * the 60 s idle timeout of common proxies and load balancers (nginx upstream
   * keep-alive, AWS ALB), so the proxy closes a shared connection first and
   * never sends a request on one the portal is closing.
   */
  keepAliveMs: 65_000,
  /** All of a request's headers, from its first byte (slow-header attacks). */
  headersMs: 20_000,
  /** The whole request with its body: an upload of UPLOAD_MAX_MB on a slow line. */
  requestMs: 300_000,
  /** How often Node checks the two limits above. */
  checkEveryMs: 2_000,
  /** On shutdown, how long requests already being answered may take to finish. */
  drainMs: 8_000,
} as const;

export type Connections = {
  /**
   * Stops accepting connections, closes the idle ones at once and each busy
   * one as soon as its response is written, and after `graceMs` closes
   * whatever is left. Resolves when no connection remains.
   */
  drain(graceMs?: number): Promise<void>;
};

/** The response a connection is answering now (Node's own bookkeeping, which its closeIdleConnections reads too). */
const answering = (socket: Socket) => (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;

/** Applies CONNECTION_LIMITS to a server before it listens, and keeps its connections for a clean stop. */
export function limitConnections(server: Server, limits = CONNECTION_LIMITS): Connections {
  server.keepAliveTimeout = limits.keepAliveMs;
  server.headersTimeout = limits.headersMs;
  server.requestTimeout = limits.requestMs;
  // Read by Node when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = limits.checkEveryMs;
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    // Node's own timeout handler destroys the socket: no listener is added for it.
    socket.setTimeout(limits.firstRequestMs);
  });
  server.on("request", (req) => {
    // The first request arrived: from here on Node's keep-alive and request timeouts apply.
    if (req.socket.timeout === limits.firstRequestMs) req.socket.setTimeout(0);
  });

  return {
    async drain(graceMs = limits.drainMs) {
      // A request arriving on a kept-alive connection from now on is answered, then its connection closes.
      server.prependListener("request", (_req, res) => res.setHeader("Connection", "close"));
      // Requests whose bytes arrived with the stop are read first: until then their connection looks idle.
      await new Promise((r) => setImmediate(r));
      await new Promise<void>((resolve) => {
        const deadline = setTimeout(() => sockets.forEach((s) => s.destroy()), graceMs);
        // net.Server's close, not http.Server's: that one also destroys Node's "idle" connections,
        // which in Node 20 include those whose response has ended but is still being written out.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(deadline);
          resolve();
        });
        for (const socket of sockets) {
          const res = answering(socket);
          // Ended once everything written has left: the reader gets the whole page, then the end of the connection.
          if (res && !res.writableFinished) res.once("close", () => socket.end(() => socket.destroy()));
          else socket.destroy();
        }
      });
    },
  };
}
