import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db";

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const limiters = new Map<string, RateLimiterPostgres>();

/**
 * A fixed-window limit kept in PostgreSQL (table `rate_limits`, created by our
 * migrations), so it holds across app instances and restarts.
 */
function limiter(name: string, points: number, durationSeconds: number) {
  const id = `${name}:${points}:${durationSeconds}`;
  let l = limiters.get(id);
  if (!l) {
    l = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
      clearExpiredByTimeout: true,
    });
    limiters.set(id, l);
  }
  return l;
}

/** Spends one point of `key` in the named limit. */
export async function consume(name: string, key: string, points: number, durationSeconds: number): Promise<LimitResult> {
  try {
    await limiter(name, points, durationSeconds).consume(key);
    return { ok: true };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    throw e;
  }
}
