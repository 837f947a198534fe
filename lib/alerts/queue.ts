import "server-only";
import type pg from "pg";
import PgBoss from "pg-boss";
import { pool } from "@/lib/db";
import { noteDatabaseError } from "@/lib/db-outage";
import { env } from "@/lib/env";
import { SITE_TIME_ZONE } from "@/lib/site";

// Alert mails go through pg-boss, a job queue kept in PostgreSQL: every
// instance works the same queues, each job is taken by one of them, a failed
// job is retried with back-off, and a job whose worker died is handed to
// another once its time runs out. The portal's own rows (AlertAnnouncement,
// AlertDelivery) say what was decided and sent; the queue only carries the work.

export const QUEUES = {
  /** Finds papers that just became public and queues their alerts (every minute, and when an editor publishes). */
  announce: "alerts-announce",
  /** One job per instant alert: data `{ deliveryId }`. */
  send: "alerts-send",
  /** Once a day: one digest job per daily subscriber with alerts waiting. */
  digests: "alerts-digests",
  /** One daily digest: data `{ subscriberId }`. */
  digest: "alerts-digest",
} as const;

/** SMTP trouble is retried for about a day at the default 30 s: 30 s, 1 min, 2 min, … doubling. */
const sendRetries = () => ({ retryLimit: 12, retryDelay: env().ALERT_RETRY_SECONDS, retryBackoff: true });

/** pg-boss speaks SQL through the portal's pool: one set of connections, and unnamed statements for the embedded database. */
export const poolExecutor = (client: { query: pg.Pool["query"] } = pool()) => ({
  executeSql: (text: string, values: unknown[] = []) => client.query({ text, values }),
});

type Slot = { boss?: PgBoss; starting?: Promise<PgBoss> };
const KEY = Symbol.for("perspectives.alertQueue");
const slot = globalThis as { [KEY]?: Slot };
const state = (): Slot => (slot[KEY] ??= {});

/** This process's queue once it has started (startAlertQueue), else undefined. */
export function alertQueue(): PgBoss | undefined {
  return state().boss;
}

/** Starts pg-boss on the portal's database and creates the queues and schedules; once per process. */
export function startAlertQueue(): Promise<PgBoss> {
  const s = state();
  s.starting ??= (async () => {
    const timeout = env().ALERT_SEND_TIMEOUT_SECONDS;
    const boss = new PgBoss({
      db: poolExecutor(),
      schema: "pgboss",
      // A job whose worker died is failed (and retried) by the maintenance run after its time ran out.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeout / 3))),
      expireInSeconds: timeout,
    });
    boss.on("error", (error) => {
      if (!noteDatabaseError(error)) console.error("[alerts] queue:", error);
    });
    await boss.start();
    await boss.createQueue(QUEUES.announce, { name: QUEUES.announce, policy: "short", retryLimit: 3 });
    await boss.createQueue(QUEUES.digests, { name: QUEUES.digests, policy: "short", retryLimit: 3 });
    for (const name of [QUEUES.send, QUEUES.digest]) {
      // Created once; updated on every start, so a changed ALERT_* setting applies to jobs queued from now on.
      const options = { name, ...sendRetries(), expireInSeconds: timeout };
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
    }
    await boss.schedule(QUEUES.announce, "* * * * *");
    await boss.schedule(QUEUES.digests, `0 ${env().ALERT_DIGEST_HOUR} * * *`, undefined, { tz: SITE_TIME_ZONE });
    s.boss = boss;
    return boss;
  })();
  s.starting.catch(() => (s.starting = undefined));
  return s.starting;
}

/** Stops this process's queue (a test ending, an instance shutting down); jobs it held go to others after their time. */
export async function stopAlertQueue(options: { graceful?: boolean } = {}) {
  const s = state();
  const boss = s.boss ?? (await s.starting?.catch(() => undefined));
  s.boss = undefined;
  s.starting = undefined;
  await boss?.stop({ graceful: options.graceful ?? true, close: false, wait: true, timeout: 5000 });
}

/**
 * Asks for an announcement now (an editor just published): the minute's
 * schedule would find the paper anyway, this only makes the alert prompt.
 * Never waits for sending, never fails the caller.
 */
export async function nudgeAnnouncement(): Promise<void> {
  const boss = alertQueue();
  if (!boss) return;
  await boss.send(QUEUES.announce, {}).catch((error: unknown) => {
    if (!noteDatabaseError(error)) console.error("[alerts] could not queue an announcement:", error);
  });
}
