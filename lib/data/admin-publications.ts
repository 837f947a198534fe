import "server-only";
import { db } from "@/lib/db";
import type { Prisma, PublicationStatus } from "@/lib/generated/prisma/client";
import type { PublicationEditorInput } from "@/lib/validations/publication-editor";
import { readPage } from "./pagination";
import { isUniqueViolation } from "./prisma-errors";

export class ConflictError extends Error {
  override name = "ConflictError";
}
export class DuplicateReportNumberError extends Error {
  override name = "DuplicateReportNumberError";
}

export async function listPublicationsForAdmin(f: { q?: string; status?: PublicationStatus; seriesId?: number; page: number }) {
  const where: Prisma.PublicationWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.seriesId ? { seriesId: f.seriesId } : {}),
    ...(f.q
      ? { OR: [{ title: { contains: f.q, mode: "insensitive" } }, { reportNumber: { contains: f.q, mode: "insensitive" } }] }
      : {}),
  };
  return readPage(
    { page: f.page, pageSize: 30 },
    () => db.publication.count({ where }),
    (window) =>
      db.publication.findMany({
        where,
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        ...window,
        select: {
          id: true,
          title: true,
          reportNumber: true,
          language: true,
          status: true,
          publishedAt: true,
          updatedAt: true,
          series: { select: { nameKo: true, nameEn: true } },
        },
      }),
  );
}

export async function getPublicationForEdit(id: number) {
  return db.publication.findUnique({
    where: { id },
    select: {
      id: true,
      seriesId: true,
      reportNumber: true,
      language: true,
      translationId: true,
      translatedFrom: { select: { id: true } },
      title: true,
      subtitle: true,
      summary: true,
      body: true,
      status: true,
      publishedAt: true,
      featuredAt: true,
      version: true,
      authors: { orderBy: { position: "asc" }, select: { author: { select: { id: true, nameKo: true, nameEn: true } } } },
      topics: { select: { topicId: true } },
      regions: { select: { regionId: true } },
    },
  });
}

export type PublicationForEdit = NonNullable<Awaited<ReturnType<typeof getPublicationForEdit>>>;

export async function listAuthorsForPicker() {
  return db.author.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameKo: true, nameEn: true } });
}

/** Candidates for the translation link: the other language, not already paired with someone else. */
export async function listTranslationCandidates(language: "ko" | "en", exceptId?: number) {
  return db.publication.findMany({
    where: { language: language === "ko" ? "en" : "ko", ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { id: "desc" }],
    take: 500,
    select: { id: true, title: true, reportNumber: true },
  });
}

/** Writes authors (creating new ones), topics and regions exactly as the editor lists them. */
async function writeRelations(tx: Prisma.TransactionClient, publicationId: number, input: PublicationEditorInput) {
  const authorIds: number[] = [];
  for (const a of input.authors) {
    authorIds.push(
      "id" in a ? a.id : (await tx.author.create({ data: { nameKo: a.nameKo, nameEn: a.nameEn }, select: { id: true } })).id,
    );
  }
  await tx.authorship.deleteMany({ where: { publicationId } });
  await tx.authorship.createMany({
    data: [...new Set(authorIds)].map((authorId, position) => ({ publicationId, authorId, position })),
  });
  await tx.publicationTopic.deleteMany({ where: { publicationId } });
  await tx.publicationTopic.createMany({ data: [...new Set(input.topicIds)].map((topicId) => ({ publicationId, topicId })) });
  await tx.publicationRegion.deleteMany({ where: { publicationId } });
  await tx.publicationRegion.createMany({ data: [...new Set(input.regionIds)].map((regionId) => ({ publicationId, regionId })) });
}

/** A pair is one link: clear any other link to or from either side first. */
async function linkTranslation(tx: Prisma.TransactionClient, id: number, twinId: number | null) {
  await tx.publication.updateMany({ where: { translationId: id }, data: { translationId: null } });
  if (twinId) {
    await tx.publication.updateMany({
      where: { OR: [{ translationId: twinId }, { id: twinId }] },
      data: { translationId: null },
    });
  }
  await tx.publication.update({ where: { id }, data: { translationId: twinId } });
}

const scalar = (input: PublicationEditorInput) => ({
  seriesId: input.seriesId,
  reportNumber: input.reportNumber,
  language: input.language,
  title: input.title,
  subtitle: input.subtitle,
  summary: input.summary,
  body: input.body,
});

/** The front-page pin before and after a save; the same dates when the save left it alone. */
export type PinChange = { before: Date | null; after: Date | null };

/**
 * Sets the front-page pin as the editor's checkbox says: a new pin is dated
 * now (the latest pin shows first), an existing one keeps its date.
 */
async function writePin(tx: Prisma.TransactionClient, id: number, featured: boolean): Promise<PinChange> {
  const { featuredAt: before } = await tx.publication.findUniqueOrThrow({ where: { id }, select: { featuredAt: true } });
  const after = featured ? (before ?? new Date()) : null;
  if (after !== before) await tx.publication.update({ where: { id }, data: { featuredAt: after } });
  return { before, after };
}

export async function createPublicationRecord(
  input: PublicationEditorInput,
  userId: string,
): Promise<{ id: number; pin: PinChange }> {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.publication.create({
        data: { ...scalar(input), status: "draft", createdById: userId, featuredAt: input.featured ? new Date() : null },
        select: { id: true, featuredAt: true },
      });
      await writeRelations(tx, created.id, input);
      await linkTranslation(tx, created.id, input.translationId);
      return { id: created.id, pin: { before: null, after: created.featuredAt } };
    });
  } catch (e) {
    if (isUniqueViolation(e, "reportNumber")) throw new DuplicateReportNumberError();
    throw e;
  }
}

/** Saves only if nobody saved since `input.version`; bumps the version. Says how the front-page pin changed. */
export async function updatePublicationRecord(
  id: number,
  input: PublicationEditorInput,
): Promise<{ id: number; pin: PinChange }> {
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.publication.updateMany({
        where: { id, version: input.version },
        data: { ...scalar(input), version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError();
      // The row is locked by the update above: the pin is read and written within this save.
      const pin = await writePin(tx, id, input.featured);
      await writeRelations(tx, id, input);
      await linkTranslation(tx, id, input.translationId);
      return { id, pin };
    });
  } catch (e) {
    if (isUniqueViolation(e, "reportNumber")) throw new DuplicateReportNumberError();
    throw e;
  }
}

export async function setPublicationStatus(id: number, version: number, status: PublicationStatus, publishedAt: Date | null) {
  const { count } = await db.publication.updateMany({
    where: { id, version },
    data: { status, publishedAt, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
}

export async function deletePublicationRecord(id: number) {
  return db.publication.delete({ where: { id }, select: { attachments: { select: { storageKey: true } } } });
}

export async function getPublicationLanguage(id: number) {
  return (await db.publication.findUnique({ where: { id }, select: { language: true } }))?.language ?? null;
}

export async function getPublicationStatus(id: number) {
  return db.publication.findUnique({ where: { id }, select: { status: true, publishedAt: true, version: true, title: true } });
}
