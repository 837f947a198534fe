import "server-only";
import type PgBoss from "pg-boss";
import { pool } from "@/lib/db";
import { purgeExpiredAlertRequests } from "@/lib/data/alerts";
import { announceDuePublications, type Announcement } from "@/lib/data/alert-deliveries";
import { poolExecutor, QUEUES } from "./queue";

/**
 * Announces every paper that became public within the last day and was not
 * announced yet: published now, a scheduled paper whose time came, or one an
 * import brought with a recent date. The announcement, its deliveries and
 * their send jobs are written in one transaction, so a crash leaves either
 * all of them or none (and the next run does it again).
 */
export async function announceNewPapers(boss: PgBoss): Promise<{ papers: number; queued: number }> {
  await purgeExpiredAlertRequests();
  let papers = 0;
  let queued = 0;
  for (;;) {
    const client = await pool().connect();
    let batch: Announcement;
    try {
      await client.query("BEGIN");
      batch = await announceDuePublications(client);
      if (batch.instant.length > 0) {
        const jobs = batch.instant.map((deliveryId) => ({ name: QUEUES.send, data: { deliveryId }, singletonKey: deliveryId }));
        await boss.insert(jobs, { db: poolExecutor(client) });
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    papers += batch.papers;
    queued += batch.instant.length + batch.digest;
    if (batch.papers === 0) return { papers, queued };
  }
}
