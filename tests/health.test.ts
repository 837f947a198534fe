import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { getDatabaseHealth } from "@/lib/data/health";

describe("GET /api/health", () => {
  it("answers 200 while the database answers, and is never cached", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});

describe("getDatabaseHealth", () => {
  const pools: pg.Pool[] = [];
  const servers: net.Server[] = [];
  const sockets: net.Socket[] = [];
  afterAll(async () => {
    // The silent server's sockets hold the pool's connection attempt open: cut them first.
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  });

  /** A real TCP port: listening but silent when `silent`, closed otherwise. */
  async function port(silent: boolean) {
    const server = net.createServer((socket) => {
      sockets.push(socket);
      socket.on("error", () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as net.AddressInfo;
    if (silent) servers.push(server);
    else await new Promise((r) => server.close(r));
    return port;
  }

  const poolAt = (p: number) => {
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${p}/postgres`, max: 1 });
    pool.on("error", () => undefined);
    pools.push(pool);
    return pool;
  };

  it("reports a database nobody listens for as unreachable", async () => {
    expect(await getDatabaseHealth({ pool: poolAt(await port(false)) })).toBe("unreachable");
  });

  it("gives up on a database that accepts the connection but never answers", async () => {
    expect(await getDatabaseHealth({ pool: poolAt(await port(true)), timeoutMs: 300 })).toBe("timeout");
  });
});
