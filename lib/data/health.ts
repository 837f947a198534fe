import "server-only";
import type pg from "pg";
import { pool as appPool } from "@/lib/db";

export type DatabaseHealth = "ok" | "unreachable" | "timeout";

/**
 * Whether the database answers a trivial query within the time a load
 * balancer waits for a health check. A database that accepts connections but
 * never answers would otherwise hold the check open until the balancer gives
 * up, which says less than a prompt "timeout".
 */
export async function getDatabaseHealth({
  pool = appPool(),
  timeoutMs = 2000,
}: { pool?: pg.Pool; timeoutMs?: number } = {}): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const query = pool.query("SELECT 1").then(
    (): DatabaseHealth => "ok",
    (): DatabaseHealth => "unreachable",
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
