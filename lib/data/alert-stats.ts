import "server-only";
import { db } from "@/lib/db";

// What staff see of the alerts: counts per followed thing and per paper, and
// (administrators only) the list of addresses.

export type AlertTotals = { active: number; unsubscribed: number; bounced: number; pending: number };

export async function alertTotals(): Promise<AlertTotals> {
  const [row] = await db.$queryRaw<AlertTotals[]>`
    SELECT count(*) FILTER (WHERE "unsubscribedAt" IS NULL AND "bouncedAt" IS NULL)::int AS active,
           count(*) FILTER (WHERE "unsubscribedAt" IS NOT NULL)::int AS unsubscribed,
           count(*) FILTER (WHERE "bouncedAt" IS NOT NULL AND "unsubscribedAt" IS NULL)::int AS bounced,
           (SELECT count(*) FROM "AlertRequest" WHERE "expiresAt" > now())::int AS pending
    FROM "AlertSubscriber"`;
  return row ?? { active: 0, unsubscribed: 0, bounced: 0, pending: 0 };
}

export type FollowCount = {
  kind: "everything" | "series" | "topic" | "author";
  id: number;
  nameKo: string;
  nameEn: string;
  subscribers: number;
};

/** Subscribers who would hear of a new paper, per thing they follow (most followed first). */
export async function subscribersPerFollow(): Promise<FollowCount[]> {
  return db.$queryRaw<FollowCount[]>`
    WITH active AS (SELECT id, everything FROM "AlertSubscriber" WHERE "unsubscribedAt" IS NULL AND "bouncedAt" IS NULL)
    SELECT 'everything' AS kind, 0 AS id, '' AS "nameKo", '' AS "nameEn", count(*)::int AS subscribers
      FROM active WHERE everything
    UNION ALL
    SELECT 'series', s.id, s."nameKo", s."nameEn", count(*)::int
      FROM "AlertSeries" f JOIN active a ON a.id = f."subscriberId" JOIN "Series" s ON s.id = f."seriesId" GROUP BY s.id
    UNION ALL
    SELECT 'topic', t.id, t."nameKo", t."nameEn", count(*)::int
      FROM "AlertTopic" f JOIN active a ON a.id = f."subscriberId" JOIN "Topic" t ON t.id = f."topicId" GROUP BY t.id
    UNION ALL
    SELECT 'author', w.id, w."nameKo", w."nameEn", count(*)::int
      FROM "AlertAuthor" f JOIN active a ON a.id = f."subscriberId" JOIN "Author" w ON w.id = f."authorId" GROUP BY w.id
    ORDER BY subscribers DESC, kind, id`;
}

export type PaperAlerts = {
  publicationId: number;
  title: string;
  language: "ko" | "en";
  announcedAt: Date;
  waiting: number;
  sent: number;
  failed: number;
};

/** Alerts per announced paper, newest first. */
export async function alertsPerPaper(limit = 50): Promise<PaperAlerts[]> {
  return db.$queryRaw<PaperAlerts[]>`
    SELECT n."publicationId", p.title, p.language::text AS language, n."announcedAt",
           count(d.id) FILTER (WHERE d.status IN ('queued', 'sending'))::int AS waiting,
           count(d.id) FILTER (WHERE d.status = 'sent')::int AS sent,
           count(d.id) FILTER (WHERE d.status = 'failed')::int AS failed
    FROM "AlertAnnouncement" n
    JOIN "Publication" p ON p.id = n."publicationId"
    LEFT JOIN "AlertDelivery" d ON d."publicationId" = n."publicationId"
    GROUP BY n."publicationId", p.title, p.language, n."announcedAt"
    ORDER BY n."announcedAt" DESC, n."publicationId" DESC
    LIMIT ${limit}`;
}

export type SubscriberRow = {
  email: string;
  locale: string;
  frequency: string;
  everything: boolean;
  series: string;
  topics: string;
  authors: string;
  confirmedAt: Date;
  unsubscribedAt: Date | null;
  bouncedAt: Date | null;
};

/** Every subscriber with what they follow (English names), for the administrators' export. */
export async function listAlertSubscribers(): Promise<SubscriberRow[]> {
  return db.$queryRaw<SubscriberRow[]>`
    SELECT s.email, s.locale::text AS locale, s.frequency::text AS frequency, s.everything,
      COALESCE((SELECT string_agg(x."nameEn", '; ' ORDER BY x."nameEn") FROM "AlertSeries" f JOIN "Series" x ON x.id = f."seriesId" WHERE f."subscriberId" = s.id), '') AS series,
      COALESCE((SELECT string_agg(x."nameEn", '; ' ORDER BY x."nameEn") FROM "AlertTopic" f JOIN "Topic" x ON x.id = f."topicId" WHERE f."subscriberId" = s.id), '') AS topics,
      COALESCE((SELECT string_agg(x."nameEn", '; ' ORDER BY x."nameEn") FROM "AlertAuthor" f JOIN "Author" x ON x.id = f."authorId" WHERE f."subscriberId" = s.id), '') AS authors,
      s."confirmedAt", s."unsubscribedAt", s."bouncedAt"
    FROM "AlertSubscriber" s
    ORDER BY s."confirmedAt", s.email`;
}
