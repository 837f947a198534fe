// Rows for integration tests, unique per call so test files can share one database.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Language, PublicationStatus } from "@/lib/generated/prisma/client";

export const uid = () => randomBytes(4).toString("hex");

export async function createSeries(
  overrides: Partial<{
    slug: string;
    nameEn: string;
    nameKo: string;
    reportPrefix: string;
    reportNumberPattern: string;
    sortOrder: number;
    inNavigation: boolean;
    archivedAt: Date | null;
  }> = {},
) {
  const id = uid();
  return db.series.create({
    data: {
      slug: `series-${id}`,
      nameKo: `시리즈 ${id}`,
      nameEn: `Series ${id}`,
      reportPrefix: `SERIES ${id}`.toUpperCase(),
      ...overrides,
    },
  });
}

export async function createAuthor(overrides: Partial<{ nameEn: string; nameKo: string }> = {}) {
  const id = uid();
  return db.author.create({ data: { nameKo: `저자 ${id}`, nameEn: `AUTHOR ${id}`, ...overrides } });
}

type PublicationInput = {
  seriesId: number;
  language?: Language;
  status?: PublicationStatus;
  publishedAt?: Date | null;
  title?: string;
  reportNumber?: string;
  body?: string;
  summary?: string;
  authorIds?: number[];
  translationId?: number;
  baseHits?: number;
};

export async function createPublication(input: PublicationInput) {
  const id = uid();
  const { authorIds = [], status = "published", ...rest } = input;
  return db.publication.create({
    data: {
      reportNumber: `2024-${id}`,
      language: "en",
      title: `Paper ${id}`,
      publishedAt: status === "draft" ? null : new Date("2024-06-01T00:00:00Z"),
      ...rest,
      status,
      authors: { create: authorIds.map((authorId, position) => ({ authorId, position })) },
    },
  });
}

/** A topic, with the publications that carry it. */
export async function createTopic(publicationIds: number[] = []) {
  const id = uid();
  return db.topic.create({
    data: {
      slug: `topic-${id}`,
      nameKo: `주제 ${id}`,
      nameEn: `Topic ${id}`,
      publications: { create: publicationIds.map((publicationId) => ({ publicationId })) },
    },
  });
}
