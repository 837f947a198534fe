import "server-only";
import { noteDatabaseError } from "@/lib/db-outage";
import { env } from "@/lib/env";
import { announceNewPapers } from "./announce";
import { QUEUES, startAlertQueue } from "./queue";
import { queueDigests, sendAlertJobs, sendDigestJob } from "./send-alerts";

/**
 * Jobs taken per fetch, sent BULK_CONNECTIONS at a time. The worker asks
 * again at once after a batch that took longer than its polling interval,
 * and waits out the rest of it otherwise: a batch must outlast the interval
 * for mail to flow without pauses (20 jobs a second was the ceiling at 20),
 * and stay well inside ALERT_SEND_TIMEOUT_SECONDS at the configured rate
 * (a quarter of it), or the queue would hand it to another worker mid-way.
 */
function sendBatch(): number {
  const { ALERT_MAILS_PER_SECOND, ALERT_SEND_TIMEOUT_SECONDS } = env();
  return Math.max(1, Math.min(50, Math.floor((ALERT_MAILS_PER_SECOND * ALERT_SEND_TIMEOUT_SECONDS) / 4)));
}

/**
 * Starts this instance's part of the alert work. Every instance runs it;
 * pg-boss hands each job to one of them and runs each schedule once.
 */
export async function startAlertWorkers(): Promise<void> {
  const boss = await startAlertQueue();
  await boss.work(QUEUES.announce, { pollingIntervalSeconds: 2 }, async () => {
    await announceNewPapers(boss);
  });
  await boss.work<{ deliveryId: string }>(
    QUEUES.send,
    { batchSize: sendBatch(), pollingIntervalSeconds: 0.5, includeMetadata: true },
    (jobs) => sendAlertJobs(boss, jobs),
  );
  await boss.work(QUEUES.digests, { pollingIntervalSeconds: 5 }, async () => {
    await queueDigests(boss);
  });
  await boss.work<{ subscriberId: string }>(
    QUEUES.digest,
    { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true },
    async ([job]) => {
      if (job) await sendDigestJob(job);
    },
  );
}

/** For instrumentation.ts: starts the workers, and says why not without stopping the server. */
export function startAlerts() {
  startAlertWorkers().catch((error: unknown) => {
    if (!noteDatabaseError(error)) console.error("[alerts] could not start the alert queue:", error);
  });
}
