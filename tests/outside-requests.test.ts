// A database connection outlives the request that opened it: opened inside a
// request's AsyncLocalStorage context it would keep that request's stores, and
// through them every later request's (lib/process/outside-requests.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { watchedPool } from "@/lib/db-watch";
import { keepStartContext } from "@/lib/process/outside-requests";

const request = new AsyncLocalStorage<{ request: number }>();
const DATABASE_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The store a callback of the connection's own socket sees: pg calls a query's callback when the answer arrives. */
const socketStore = (client: pg.PoolClient) =>
  new Promise<unknown>((resolve, reject) =>
    client.query("SELECT 1", (error) => (error ? reject(error) : resolve(request.getStore()))),
  );

describe("connections opened while a request is answered", () => {
  const pools: pg.Pool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
  });

  it("keep the request's stores when nothing says otherwise (what the server avoids)", async () => {
    const pool = watchedPool({ connectionString: DATABASE_URL, max: 1 });
    pools.push(pool);
    const client = await request.run({ request: 1 }, () => pool.connect());
    expect(await socketStore(client)).toEqual({ request: 1 });
    client.release();
  });

  it("keep none once the process has kept its start context, as the server does first thing", async () => {
    keepStartContext();
    const pool = watchedPool({ connectionString: DATABASE_URL, max: 1 });
    pools.push(pool);
    const client = await request.run({ request: 2 }, () => pool.connect());
    expect(await socketStore(client)).toBeUndefined();
    // The request itself still sees its own store.
    expect(await request.run({ request: 3 }, async () => (await client.query("SELECT 1"), request.getStore()))).toEqual({
      request: 3,
    });
    client.release();
  });
});
