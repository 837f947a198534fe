import "server-only";
import type PgBoss from "pg-boss";
import {
  alertPapers,
  claimAlertDelivery,
  claimDigestDeliveries,
  failAlerts,
  markAlertsSent,
  markSubscriberBounced,
  releaseAlerts,
  subscribersAwaitingDigest,
  type ClaimedAlert,
} from "@/lib/data/alert-deliveries";
import { getSiteSettings } from "@/lib/data/site-settings";
import { redactAddresses } from "@/lib/email-share/redact-addresses";
import { env } from "@/lib/env";
import { formatIsoDate } from "@/lib/format";
import { BULK_CONNECTIONS, deliver } from "@/lib/mail/transport";
import { alertMail, type AlertMailPaper } from "@/lib/mail/templates/alerts";
import { consumeLimit } from "@/lib/rate-limit";
import { canonicalPath } from "@/lib/seo/publication-metadata";
import { manageUrl, oneClickUnsubscribeUrl } from "./links";
import { QUEUES } from "./queue";

type SendJob = PgBoss.JobWithMetadata<{ deliveryId: string }>;
type DigestJob = PgBoss.JobWithMetadata<{ subscriberId: string }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a slot under ALERT_MAILS_PER_SECOND, counted in PostgreSQL across every instance. */
async function sendingSlot() {
  const rule = { name: "alert-mails", points: env().ALERT_MAILS_PER_SECOND, durationSeconds: 1 };
  for (;;) {
    const slot = await consumeLimit(rule, "all");
    if (slot.ok) return;
    await sleep(100);
  }
}

type Outcome = { kind: "sent" } | { kind: "retry"; reason: string } | { kind: "refused"; reason: string; address: boolean };

/**
 * What an SMTP failure means for the address: a 5xx refusal of the
 * recipient is permanent (no more mails to it); another 5xx refuses this
 * mail only; anything else (4xx, a connection lost, a timeout) is tried again.
 */
function outcomeOf(error: unknown): Outcome {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const reason = redactAddresses(String(e.message ?? error)).slice(0, 500);
  if (typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600) {
    return { kind: "refused", reason, address: e.code === "EENVELOPE" };
  }
  return { kind: "retry", reason };
}

/** The papers as an alert mails them, by id; a paper no longer public is missing. */
async function mailedPapers(ids: number[]): Promise<Map<number, AlertMailPaper>> {
  const appUrl = env().APP_URL;
  const mailed = new Map<number, AlertMailPaper>();
  for (const [id, p] of await alertPapers([...new Set(ids)])) {
    mailed.set(id, {
      title: p.title,
      authors: p.authors,
      date: formatIsoDate(p.publishedAt ?? new Date()),
      summary: p.summary,
      url: `${appUrl}${canonicalPath(p)}`,
      pdfUrl: p.pdfId ? `${appUrl}${canonicalPath(p)}/files/${p.pdfId}` : null,
    });
  }
  return mailed;
}

/** Sends one mail to one subscriber, with RFC 8058's one-click unsubscribe and a List-Id. */
async function mailTo(to: ClaimedAlert, papers: AlertMailPaper[], digest: boolean): Promise<Outcome> {
  const locale = to.locale;
  const site = (await getSiteSettings()).siteTitle[locale];
  const mail = alertMail(locale, { site, papers, digest, manageUrl: manageUrl(locale, to.subscriberId) });
  const host = new URL(env().APP_URL).hostname;
  await sendingSlot();
  try {
    await deliver(
      {
        to: to.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: {
          "List-Id": `<alerts.${host}>`,
          "List-Unsubscribe": `<${oneClickUnsubscribeUrl(locale, to.subscriberId)}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          Precedence: "bulk",
        },
      },
      { bulk: true },
    );
    return { kind: "sent" };
  } catch (error) {
    return outcomeOf(error);
  }
}

/** Settles deliveries by the outcome; true when the job should be tried again. */
async function settle(ids: string[], subscriberId: string, outcome: Outcome, lastTry: boolean): Promise<boolean> {
  if (outcome.kind === "sent") await markAlertsSent(ids);
  else if (outcome.kind === "refused" && outcome.address) await markSubscriberBounced(subscriberId, outcome.reason);
  else if (outcome.kind === "refused" || lastTry) await failAlerts(ids, outcome.reason);
  else {
    await releaseAlerts(ids, outcome.reason);
    return true;
  }
  return false;
}

/**
 * The instant alerts' worker: each job one delivery. Each is claimed just
 * before its mail goes out, not the batch at once: a batch that outlives its
 * time limit is handed to another worker while this one still sends, and only
 * a claim younger than the lease (longer than any one SMTP exchange may take,
 * lib/env.ts) keeps the other from sending the same mail.
 */
export async function sendAlertJobs(boss: PgBoss, jobs: SendJob[]): Promise<void> {
  const lease = env().ALERT_SEND_TIMEOUT_SECONDS;
  // Each paper read once per batch, by the first of its alerts.
  const papers = new Map<number, Promise<AlertMailPaper | undefined>>();
  const paperOf = (id: number) => {
    if (!papers.has(id))
      papers.set(
        id,
        mailedPapers([id]).then((mailed) => mailed.get(id)),
      );
    return papers.get(id)!;
  };
  const sendOne = async (job: SendJob) => {
    const alert = await claimAlertDelivery(job.data.deliveryId, lease);
    if (!alert) return; // sent, failed, or its subscriber left
    // Another worker's lease: tried again after the retry delay, by when that worker has sent it or
    // its lease has run out. Completed here, a dead worker's delivery would never be sent.
    if (alert === "held") return void (await boss.fail(QUEUES.send, job.id, { message: "claimed by another worker" }));
    const mailed = await paperOf(alert.publicationId);
    const outcome: Outcome = mailed
      ? await mailTo(alert, [mailed], false)
      : { kind: "refused", reason: "paper gone", address: false };
    const again = await settle([alert.id], alert.subscriberId, outcome, job.retryCount >= job.retryLimit);
    // Only this job is tried again; the batch's others complete when the handler returns.
    if (again && outcome.kind !== "sent") await boss.fail(QUEUES.send, job.id, { message: outcome.reason });
  };
  // As many mails at once as the pool has connections to the mail server.
  const queue = [...jobs];
  const lane = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await sendOne(job);
  };
  await Promise.all(Array.from({ length: BULK_CONNECTIONS }, lane));
}

/** The daily run: one digest job per subscriber with alerts waiting. */
export async function queueDigests(boss: PgBoss): Promise<number> {
  const subscribers = await subscribersAwaitingDigest();
  if (subscribers.length > 0) {
    await boss.insert(
      subscribers.map((subscriberId) => ({ name: QUEUES.digest, data: { subscriberId }, singletonKey: subscriberId })),
    );
  }
  return subscribers.length;
}

/** One subscriber's digest: every alert waiting for them, in one mail. */
export async function sendDigestJob(job: DigestJob): Promise<void> {
  const alerts = await claimDigestDeliveries(job.data.subscriberId, env().ALERT_SEND_TIMEOUT_SECONDS);
  const first = alerts[0];
  if (!first) return;
  const mailed = await mailedPapers(alerts.map((a) => a.publicationId));
  const papers = alerts.map((a) => mailed.get(a.publicationId)).filter((p) => p !== undefined);
  const ids = alerts.map((a) => a.id);
  if (papers.length === 0) return void (await failAlerts(ids, "papers gone"));
  const outcome = await mailTo(first, papers, true);
  const again = await settle(ids, first.subscriberId, outcome, job.retryCount >= job.retryLimit);
  if (again && outcome.kind !== "sent") throw new Error(outcome.reason);
}
