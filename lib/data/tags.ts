import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { matchingPapersSql } from "./catalogue-filter";

const tagSelect = { id: true, slug: true, nameKo: true, nameEn: true };

export async function listTopics() {
  return db.topic.findMany({ orderBy: { nameEn: "asc" }, select: tagSelect });
}

export async function listRegions() {
  return db.region.findMany({ orderBy: { nameEn: "asc" }, select: tagSelect });
}

/**
 * A topic's page: the topic and how many public papers a reader of `locale`
 * finds under it (counted as its listing counts them), or null for an unknown
 * slug. Once per request: the metadata and the page share it.
 */
export const getTopicBySlug = cache(async (slug: string, locale: Locale) => {
  const topic = await db.topic.findUnique({ where: { slug }, select: tagSelect });
  if (!topic) return null;
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (${matchingPapersSql({ locale, topic: topic.slug })}) m`;
  return { ...topic, paperCount: row?.n ?? 0 };
});
