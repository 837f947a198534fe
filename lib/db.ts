import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; dev hot reloads would otherwise open a pool each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start` or `npm run dev`, which provide one.");
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }
  return globalForPrisma.prisma;
}

/** Created on first use, so importing a page (as `next build` does) needs no database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => Reflect.get(client(), prop) as unknown,
});
