// A TCP proxy in front of the real PostgreSQL server that a test can cut and
// restore: cut, new connections are refused (nothing listens on the port) and
// open ones are reset, exactly what the portal sees when the database server
// stops or its host goes away; restored, it listens on the same port again.
// Held, new connections wait on their way to the server until released: a
// connection begun but not yet finished.
import net from "node:net";

export type TcpProxy = {
  port: number;
  /** The same database URL, through the proxy. */
  url(databaseUrl: string): string;
  /** Refuses new connections and resets the open ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port (if cut). */
  restore(): Promise<void>;
  /** New connections wait before reaching the server, until release(). */
  hold(): void;
  /** Lets the held connections through; new ones go straight through again. */
  release(): void;
  /** How many connections are waiting. */
  held(): number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    // A reset socket reports ECONNRESET: expected here, not a test failure.
    socket.on("error", () => undefined);
  };
  let holding: (() => void)[] | null = null;
  const server = net.createServer((client) => {
    track(client);
    // Until piped, the client's bytes wait in its socket (a new socket is paused).
    const through = () => {
      const upstream = net.connect(target.port, target.host);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.once("close", () => upstream.destroy());
      upstream.once("close", () => client.destroy());
    };
    if (holding) holding.push(through);
    else through();
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as net.AddressInfo;

  const cut = async () => {
    const closed = server.listening ? new Promise<void>((resolve) => server.close(() => resolve())) : undefined;
    for (const socket of open) socket.resetAndDestroy();
    await closed;
  };
  return {
    port,
    url(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    cut,
    restore: () => (server.listening ? Promise.resolve() : listen(port)),
    hold: () => void (holding ??= []),
    release() {
      const waiting = holding ?? [];
      holding = null;
      for (const through of waiting) through();
    },
    held: () => holding?.length ?? 0,
    close: cut,
  };
}

/** Host and port of a postgresql:// URL. */
export function databaseAddress(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return { host: url.hostname || "127.0.0.1", port: Number(url.port || 5432) };
}
