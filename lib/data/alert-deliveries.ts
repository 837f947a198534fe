import "server-only";
import type pg from "pg";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { publicPublicationSql, publicPublicationWhere } from "./visibility";

/** Papers older than this when they become public (an imported archive) alert nobody. */
export const ANNOUNCE_WITHIN_HOURS = 24;
/** Papers announced per statement: a burst of imports is worked through a batch at a time. */
const ANNOUNCE_BATCH = 50;

/** Who follows paper `p`: everything, its series, one of its topics or one of its authors. */
const FOLLOWS = `(s.everything
  OR EXISTS (SELECT 1 FROM "AlertSeries" f WHERE f."subscriberId" = s.id AND f."seriesId" = p."seriesId")
  OR EXISTS (SELECT 1 FROM "AlertTopic" f JOIN "PublicationTopic" t ON t."topicId" = f."topicId"
             WHERE f."subscriberId" = s.id AND t."publicationId" = p.id)
  OR EXISTS (SELECT 1 FROM "AlertAuthor" f JOIN "Authorship" a ON a."authorId" = f."authorId"
             WHERE f."subscriberId" = s.id AND a."publicationId" = p.id))`;

/**
 * One statement: papers public within the last day and never announced get
 * their announcement row and one delivery per subscriber who follows them.
 * The announcement's primary key is the guard: of two instances announcing
 * at once, the second waits for the first and then finds nothing to do, and
 * a paper unpublished and published again is never announced twice.
 *
 * A paper goes to a subscriber in their language when it has a twin there
 * that is public or scheduled (they hear of the twin instead), and never
 * after they were sent its twin.
 */
const ANNOUNCE_SQL = `
WITH due AS (
  SELECT p.id FROM "Publication" p
  WHERE ${publicPublicationSql("p")}
    AND p."publishedAt" > now() - make_interval(hours => ${ANNOUNCE_WITHIN_HOURS})
    AND NOT EXISTS (SELECT 1 FROM "AlertAnnouncement" n WHERE n."publicationId" = p.id)
  ORDER BY p."publishedAt", p.id
  LIMIT ${ANNOUNCE_BATCH}
), announced AS (
  INSERT INTO "AlertAnnouncement" ("publicationId") SELECT id FROM due
  ON CONFLICT DO NOTHING
  RETURNING "publicationId" AS id
), queued AS (
  INSERT INTO "AlertDelivery" ("subscriberId", "publicationId", digest)
  SELECT s.id, p.id, s.frequency = 'daily'
  FROM announced n
  JOIN "Publication" p ON p.id = n.id
  LEFT JOIN "Publication" twin
    ON twin.id = COALESCE(p."translationId", (SELECT t.id FROM "Publication" t WHERE t."translationId" = p.id))
  JOIN "AlertSubscriber" s ON s."unsubscribedAt" IS NULL AND s."bouncedAt" IS NULL
  WHERE ${FOLLOWS}
    AND (p.language = s.locale OR twin.id IS NULL OR twin.status NOT IN ('published', 'scheduled'))
    AND NOT EXISTS (SELECT 1 FROM "AlertDelivery" d WHERE d."subscriberId" = s.id AND d."publicationId" = twin.id)
  ON CONFLICT DO NOTHING
  RETURNING id, digest
)
SELECT (SELECT count(*) FROM announced)::int AS papers,
       COALESCE((SELECT array_agg(id::text ORDER BY id) FROM queued WHERE NOT digest), '{}') AS instant,
       (SELECT count(*) FROM queued WHERE digest)::int AS digest`;

export type Announcement = { papers: number; instant: string[]; digest: number };

/** Runs the announcement on `client`, inside the caller's transaction (which also queues the sends). */
export async function announceDuePublications(client: pg.ClientBase): Promise<Announcement> {
  const { rows } = await client.query<Announcement>(ANNOUNCE_SQL);
  return rows[0] ?? { papers: 0, instant: [], digest: 0 };
}

export type ClaimedAlert = {
  id: string;
  email: string;
  subscriberId: string;
  locale: "ko" | "en";
  publicationId: number;
};

/**
 * Takes deliveries for sending, those `which` picks: one still queued is
 * taken; one another worker took more than `leaseSeconds` ago is taken over
 * (that worker died); one sent, failed or dropped (its subscriber left) is not.
 */
function claimDeliveries(which: Prisma.Sql, leaseSeconds: number): Promise<ClaimedAlert[]> {
  return db.$queryRaw<ClaimedAlert[]>`
    UPDATE "AlertDelivery" d SET status = 'sending', "claimedAt" = now(), attempts = d.attempts + 1
    FROM "AlertSubscriber" s
    WHERE ${which} AND s.id = d."subscriberId"
      AND s."unsubscribedAt" IS NULL AND s."bouncedAt" IS NULL
      AND (d.status = 'queued' OR (d.status = 'sending' AND d."claimedAt" < now() - make_interval(secs => ${leaseSeconds})))
    RETURNING d.id::text AS id, s.email, s.id AS "subscriberId", s.locale::text AS locale, d."publicationId"`;
}

/**
 * One instant alert, claimed just before its mail goes out. "held" when
 * another worker's claim on it is younger than the lease: that worker may be
 * sending it, or may have died while its lease runs, so the caller must try
 * again later rather than drop it (its job, handed over when the dead
 * worker's batch timed out, was the delivery's only one). Null when it is not
 * to be sent at all: sent, failed, or its subscriber left or bounced.
 */
export async function claimAlertDelivery(id: string, leaseSeconds: number): Promise<ClaimedAlert | "held" | null> {
  const [claimed] = await claimDeliveries(Prisma.sql`d.id = ${id}::bigint`, leaseSeconds);
  if (claimed) return claimed;
  // Read after the claim failed: a claim given up since (sent, or released for a retry) reads as such,
  // and one that is still "sending" for a subscriber who may get mail can only be a live lease.
  const [row] = await db.$queryRaw<{ held: boolean }[]>`
    SELECT (d.status = 'sending' AND s."unsubscribedAt" IS NULL AND s."bouncedAt" IS NULL) AS held
    FROM "AlertDelivery" d JOIN "AlertSubscriber" s ON s.id = d."subscriberId" WHERE d.id = ${id}::bigint`;
  return row?.held ? "held" : null;
}

/** A daily subscriber's waiting alerts, taken together for one digest mail. */
export function claimDigestDeliveries(subscriberId: string, leaseSeconds: number): Promise<ClaimedAlert[]> {
  return claimDeliveries(Prisma.sql`d."subscriberId" = ${subscriberId} AND d.digest`, leaseSeconds);
}

/** Daily subscribers with alerts waiting for their digest. */
export async function subscribersAwaitingDigest(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT d."subscriberId" AS id FROM "AlertDelivery" d
    WHERE d.digest AND d.status IN ('queued', 'sending') AND d."subscriberId" IS NOT NULL`;
  return rows.map((r) => r.id);
}

export async function markAlertsSent(ids: string[]) {
  await db.$executeRaw`UPDATE "AlertDelivery" SET status = 'sent', "sentAt" = now(), error = NULL
    WHERE id = ANY(${ids}::bigint[])`;
}

/** A failure worth trying again later: back in the queue, with the reason kept for staff. */
export async function releaseAlerts(ids: string[], error: string) {
  await db.$executeRaw`UPDATE "AlertDelivery" SET status = 'queued', "claimedAt" = NULL, error = ${error}
    WHERE id = ANY(${ids}::bigint[]) AND status = 'sending'`;
}

/** Given up on: the retries ran out, or the address is refused for good. */
export async function failAlerts(ids: string[], error: string) {
  await db.$executeRaw`UPDATE "AlertDelivery" SET status = 'failed', error = ${error}
    WHERE id = ANY(${ids}::bigint[])`;
}

/** The mail server refused the address for good (5xx): nothing more goes to it, queued alerts included. */
export async function markSubscriberBounced(subscriberId: string, reason: string) {
  await db.$transaction([
    db.$executeRaw`UPDATE "AlertSubscriber" SET "bouncedAt" = now(), "bounceReason" = ${reason} WHERE id = ${subscriberId}`,
    db.$executeRaw`UPDATE "AlertDelivery" SET status = 'failed', error = ${reason}
      WHERE "subscriberId" = ${subscriberId} AND status IN ('queued', 'sending')`,
  ]);
}

export type AlertPaper = {
  id: number;
  language: "ko" | "en";
  title: string;
  summary: string;
  publishedAt: Date | null;
  authors: string[];
  pdfId: number | null;
};

/**
 * What an alert says about each paper: title, authors as the paper names them,
 * summary, first PDF. Only papers still public: one withdrawn after it was
 * announced is not mailed (its alerts fail as "paper gone").
 */
export async function alertPapers(ids: number[]): Promise<Map<number, AlertPaper>> {
  const rows = await db.publication.findMany({
    where: { id: { in: ids }, ...publicPublicationWhere() },
    select: {
      id: true,
      language: true,
      title: true,
      summary: true,
      publishedAt: true,
      authors: { orderBy: { position: "asc" }, select: { author: { select: { nameKo: true, nameEn: true } } } },
      attachments: {
        where: { mediaType: "application/pdf" },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        take: 1,
        select: { id: true },
      },
    },
  });
  return new Map(
    rows.map((p) => [
      p.id,
      {
        id: p.id,
        language: p.language,
        title: p.title,
        summary: p.summary,
        publishedAt: p.publishedAt,
        authors: p.authors.map((a) => (p.language === "ko" ? a.author.nameKo : a.author.nameEn)),
        pdfId: p.attachments[0]?.id ?? null,
      },
    ]),
  );
}
