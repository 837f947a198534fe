import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { publicPublicationWhere } from "./visibility";

export const PAGE_SIZE = 20;

const authorSelect = {
  orderBy: { position: "asc" },
  select: { author: { select: { id: true, nameKo: true, nameEn: true } } },
} satisfies Prisma.Publication$authorsArgs;

const listItemSelect = {
  id: true,
  reportNumber: true,
  language: true,
  title: true,
  subtitle: true,
  publishedAt: true,
  baseHits: true,
  viewCount: true,
  series: { select: { slug: true, nameKo: true, nameEn: true, reportPrefix: true } },
  authors: authorSelect,
} satisfies Prisma.PublicationSelect;

type ListRow = Prisma.PublicationGetPayload<{ select: typeof listItemSelect }>;

function toListItem({ authors, baseHits, viewCount, publishedAt, ...rest }: ListRow) {
  return {
    ...rest,
    publishedAt: publishedAt ?? new Date(0),
    hits: baseHits + viewCount,
    authors: authors.map((a) => a.author),
  };
}

export type PublicationListItem = ReturnType<typeof toListItem>;

export type PublicationFilters = { locale: Locale; page: number };

/**
 * The catalogue as a reader of `locale` sees it: each paper once, in the
 * reader's language when a version exists, otherwise in its original language.
 */
function catalogueWhere(locale: Locale): Prisma.PublicationWhereInput {
  return {
    AND: [
      publicPublicationWhere(),
      { OR: [{ language: locale }, { translationId: null, translatedFrom: { is: null } }] },
    ],
  };
}

export async function listPublications({ locale, page }: PublicationFilters) {
  const where = catalogueWhere(locale);
  const [total, rows] = await Promise.all([
    db.publication.count({ where }),
    db.publication.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listItemSelect,
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), items: rows.map(toListItem) };
}

/** A public publication with everything its page shows, or null. */
export async function getPublicPublication(id: number) {
  const row = await db.publication.findFirst({
    where: { id, ...publicPublicationWhere() },
    select: {
      ...listItemSelect,
      summary: true,
      body: true,
      updatedAt: true,
      attachments: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, fileName: true, byteSize: true, pageCount: true, mediaType: true },
      },
    },
  });
  if (!row) return null;
  const { attachments, summary, body, updatedAt, ...listRow } = row;
  return { ...toListItem(listRow), summary, body, updatedAt, attachments };
}

export type PublicPublication = NonNullable<Awaited<ReturnType<typeof getPublicPublication>>>;
