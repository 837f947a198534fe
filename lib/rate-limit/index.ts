import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db";

export type LimitResult = { ok: true; used: number } | { ok: false; retryAfterSeconds: number };

export type LimitRule = { name: string; points: number; durationSeconds: number; blockSeconds?: number };

const limiters = new Map<string, RateLimiterPostgres>();

/**
 * A fixed-window limit kept in PostgreSQL (table `rate_limits`, created by our
 * migrations), so it holds across app instances and restarts.
 */
function limiter({ name, points, durationSeconds, blockSeconds = 0 }: LimitRule) {
  const id = `${name}:${points}:${durationSeconds}:${blockSeconds}`;
  let l = limiters.get(id);
  if (!l) {
    l = new RateLimiterPostgres({
      // Statements go unnamed: the embedded database serves every connection from
      // one session, where the library's named statements would collide.
      storeClient: { query: (q: { text: string; values?: unknown[] }) => pool().query({ text: q.text, values: q.values }) },
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
      blockDuration: blockSeconds,
      clearExpiredByTimeout: true,
    });
    limiters.set(id, l);
  }
  return l;
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Spends one point of `key`. */
export async function consumeLimit(rule: LimitRule, key: string): Promise<LimitResult> {
  try {
    const res = await limiter(rule).consume(key);
    return { ok: true, used: res.consumedPoints };
  } catch (e) {
    if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: retryAfter(e) };
    throw e;
  }
}

/** Where `key` stands without spending anything. */
export async function peekLimit(rule: LimitRule, key: string): Promise<LimitResult> {
  const res = await limiter(rule).get(key);
  if (!res) return { ok: true, used: 0 };
  if (res.consumedPoints > rule.points) return { ok: false, retryAfterSeconds: retryAfter(res) };
  return { ok: true, used: res.consumedPoints };
}

/** Gives back `points` spent by `key` (an attempt that turned out to be legitimate). */
export async function refundLimit(rule: LimitRule, key: string, points = 1) {
  await limiter(rule).reward(key, points);
}

export async function resetLimit(rule: LimitRule, key: string) {
  await limiter(rule).delete(key);
}

/** Kept for the email form's simple "one more?" question. */
export async function consume(name: string, key: string, points: number, durationSeconds: number) {
  return consumeLimit({ name, points, durationSeconds }, key);
}
