import "server-only";
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { watchedPool } from "@/lib/db-watch";

// One pool and one client per process; dev hot reloads would otherwise open more each time.
const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; prisma?: PrismaClient };

/** The process's PostgreSQL pool, shared by Prisma and the few libraries that speak SQL themselves. */
export function pool(): pg.Pool {
  if (!globalForDb.pgPool) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start` or `npm run dev`, which provide one.");
    globalForDb.pgPool = watchedPool({
      connectionString: url,
      max: 10,
      // PostgreSQL's JIT compiler suits long analytical queries; on a page's
      // queries its compile time (up to half a second when a plan's cost is
      // overestimated) is pure loss. The pool awaits this before handing the
      // connection out (its typings say void; pg-pool awaits a promise).
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      onConnect: async (connection: pg.ClientBase) => {
        await connection.query("SET jit = off");
      },
    });
  }
  return globalForDb.pgPool;
}

function client(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.prisma;
}

/** Created on first use, so importing a page (as `next build` does) needs no database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => Reflect.get(client(), prop) as unknown,
});
