import "server-only";
import { db } from "@/lib/db";
import { type Prisma } from "@/lib/generated/prisma/client";
import type { AlertChoices } from "@/lib/validations/alerts";
import { publicPublicationSql } from "./visibility";

// Subscriptions: pending requests, confirmed subscribers and their choices.

export async function createAlertRequest(email: string, choices: AlertChoices, ttlHours: number): Promise<string> {
  const row = await db.alertRequest.create({
    data: { email, ...choices, expiresAt: new Date(Date.now() + ttlHours * 3_600_000) },
    select: { id: true },
  });
  return row.id;
}

export async function purgeExpiredAlertRequests(): Promise<number> {
  const { count } = await db.alertRequest.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}

/** Replaces a subscriber's follows with `choices`' ids that still exist (a series may have gone since the form). */
async function writeFollows(tx: Prisma.TransactionClient, subscriberId: string, choices: AlertChoices) {
  await tx.$executeRaw`DELETE FROM "AlertSeries" WHERE "subscriberId" = ${subscriberId}`;
  await tx.$executeRaw`DELETE FROM "AlertTopic" WHERE "subscriberId" = ${subscriberId}`;
  await tx.$executeRaw`DELETE FROM "AlertAuthor" WHERE "subscriberId" = ${subscriberId}`;
  await tx.$executeRaw`INSERT INTO "AlertSeries" ("subscriberId", "seriesId")
    SELECT ${subscriberId}, id FROM "Series" WHERE id = ANY(${choices.seriesIds}::int[])`;
  await tx.$executeRaw`INSERT INTO "AlertTopic" ("subscriberId", "topicId")
    SELECT ${subscriberId}, id FROM "Topic" WHERE id = ANY(${choices.topicIds}::int[])`;
  await tx.$executeRaw`INSERT INTO "AlertAuthor" ("subscriberId", "authorId")
    SELECT ${subscriberId}, id FROM "Author" WHERE id = ANY(${choices.authorIds}::int[])`;
}

/**
 * Follows a confirmation link: the request becomes the address's
 * subscription (new, or replacing its earlier choices) and is used up.
 * Null when the request is unknown, used or expired.
 */
export async function confirmAlertRequest(requestId: string): Promise<{ subscriberId: string; locale: "ko" | "en" } | null> {
  return db.$transaction(async (tx) => {
    const [request] = await tx.$queryRaw<
      {
        email: string;
        locale: "ko" | "en";
        frequency: "instant" | "daily";
        everything: boolean;
        seriesIds: number[];
        topicIds: number[];
        authorIds: number[];
      }[]
    >`DELETE FROM "AlertRequest" WHERE id = ${requestId} AND "expiresAt" > now()
      RETURNING email, locale::text AS locale, frequency::text AS frequency, everything, "seriesIds", "topicIds", "authorIds"`;
    if (!request) return null;
    const { email, ...choices } = request;
    const now = new Date();
    const settings = { locale: choices.locale, frequency: choices.frequency, everything: choices.everything };
    // Following a link we mailed proves the mailbox takes mail again: an old bounce is forgotten.
    // One statement (INSERT … ON CONFLICT): two requests for one new address confirmed at once make one row.
    const subscriber = await tx.alertSubscriber.upsert({
      where: { email },
      create: { email, ...settings, confirmedAt: now },
      update: { ...settings, confirmedAt: now, unsubscribedAt: null, bouncedAt: null, bounceReason: null },
      select: { id: true },
    });
    await writeFollows(tx, subscriber.id, choices);
    return { subscriberId: subscriber.id, locale: choices.locale };
  });
}

export type AlertSubscription = {
  id: string;
  email: string;
  locale: "ko" | "en";
  frequency: "instant" | "daily";
  everything: boolean;
  unsubscribed: boolean;
  bounced: boolean;
  seriesIds: number[];
  topicIds: number[];
  authorIds: number[];
};

export async function getAlertSubscription(id: string): Promise<AlertSubscription | null> {
  const s = await db.alertSubscriber.findUnique({
    where: { id },
    include: { series: true, topics: true, authors: true },
  });
  if (!s) return null;
  return {
    id: s.id,
    email: s.email,
    locale: s.locale,
    frequency: s.frequency,
    everything: s.everything,
    unsubscribed: s.unsubscribedAt !== null,
    bounced: s.bouncedAt !== null,
    seriesIds: s.series.map((f) => f.seriesId),
    topicIds: s.topics.map((f) => f.topicId),
    authorIds: s.authors.map((f) => f.authorId),
  };
}

/** The manage page's save: new choices, and subscribed again if they had left. False if the subscriber is gone. */
export async function updateAlertChoices(id: string, choices: AlertChoices): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.alertSubscriber.updateMany({
      where: { id },
      data: { locale: choices.locale, frequency: choices.frequency, everything: choices.everything, unsubscribedAt: null },
    });
    if (count === 0) return false;
    await writeFollows(tx, id, choices);
    return true;
  });
}

/** Stops every mail to the subscriber at once; alerts queued but not yet sent are dropped too. */
export async function unsubscribeAlerts(id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.alertSubscriber.updateMany({
      where: { id },
      data: { unsubscribedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.alertDelivery.deleteMany({ where: { subscriberId: id, status: "queued" } });
    return true;
  });
}

/**
 * Erases the address and its choices (PIPA/GDPR). Deliveries already made
 * keep their counts for the paper's statistics, without the address.
 */
export async function eraseAlertSubscriber(where: { id: string } | { email: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const subscriber = await tx.alertSubscriber.findUnique({ where, select: { id: true, email: true } });
    if (!subscriber) return false;
    await tx.alertDelivery.deleteMany({ where: { subscriberId: subscriber.id, status: "queued" } });
    await tx.alertRequest.deleteMany({ where: { email: subscriber.email } });
    await tx.alertSubscriber.delete({ where: { id: subscriber.id } });
    return true;
  });
}

export type AlertFollowOptions = {
  series: { id: number; slug: string; nameKo: string; nameEn: string }[];
  topics: { id: number; slug: string; nameKo: string; nameEn: string }[];
  authors: { id: number; nameKo: string; nameEn: string }[];
};

/** What a reader can follow: series still open, every topic, and authors of public papers. */
export async function alertFollowOptions(): Promise<AlertFollowOptions> {
  const [series, topics, authors] = await Promise.all([
    db.series.findMany({
      where: { archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, slug: true, nameKo: true, nameEn: true },
    }),
    db.topic.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, slug: true, nameKo: true, nameEn: true } }),
    db.$queryRawUnsafe<{ id: number; nameKo: string; nameEn: string }[]>(
      `SELECT a.id, a."nameKo", a."nameEn" FROM "Author" a
       WHERE EXISTS (SELECT 1 FROM "Authorship" s JOIN "Publication" p ON p.id = s."publicationId"
                     WHERE s."authorId" = a.id AND ${publicPublicationSql("p")})
       ORDER BY a."nameEn", a.id`,
    ),
  ]);
  return { series, topics, authors };
}
