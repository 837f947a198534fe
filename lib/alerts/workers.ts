import "server-only";
import { noteDatabaseError } from "@/lib/db-outage";
import { announceNewPapers } from "./announce";
import { QUEUES, startAlertQueue } from "./queue";
import { queueDigests, sendAlertJobs, sendDigestJob } from "./send-alerts";

/** Mails taken per fetch: sent one by one, so a batch stays well inside its time limit. */
const SEND_BATCH = 20;

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
    { batchSize: SEND_BATCH, pollingIntervalSeconds: 1, includeMetadata: true },
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
