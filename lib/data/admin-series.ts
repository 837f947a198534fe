import "server-only";
import { db } from "@/lib/db";
import type { SeriesEditorInput } from "@/lib/validations/series";
import { isPrismaError, isUniqueViolation } from "./prisma-errors";
import { seriesProfileSelect } from "./series";

/** Another series already has this slug. */
export class DuplicateSeriesSlugError extends Error {}

/** The series still has papers, so it cannot be deleted (archive it instead). */
/** Refuses to delete a series papers are filed in; `papers` says how many (at least one). */
export class SeriesInUseError extends Error {
  constructor(readonly papers: number) {
    super(`the series has ${papers} paper(s)`);
  }
}

const editableSelect = {
  ...seriesProfileSelect,
  reportNumberPattern: true,
  sortOrder: true,
  inNavigation: true,
} as const;

/** Every series, archived ones too, in display order, with how many papers each holds (drafts included). */
export async function listSeriesForAdmin() {
  return db.series.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      nameKo: true,
      nameEn: true,
      sortOrder: true,
      inNavigation: true,
      archivedAt: true,
      _count: { select: { publications: true } },
    },
  });
}

export async function getSeriesForEdit(id: number) {
  return db.series.findUnique({
    where: { id },
    select: { id: true, ...editableSelect, archivedAt: true, _count: { select: { publications: true } } },
  });
}

function slugTaken(e: unknown): never {
  if (isUniqueViolation(e, "slug")) throw new DuplicateSeriesSlugError();
  throw e;
}

export async function createSeriesRecord(input: SeriesEditorInput) {
  return db.series.create({ data: input, select: { id: true, slug: true } }).catch(slugTaken);
}

/** Saves the series; returns its fields as they were (null when there is no such series). */
export async function updateSeriesRecord(id: number, input: SeriesEditorInput) {
  return db
    .$transaction(async (tx) => {
      const before = await tx.series.findUnique({ where: { id }, select: editableSelect });
      if (!before) return null;
      await tx.series.update({ where: { id }, data: input });
      return before;
    })
    .catch(slugTaken);
}

/** Archives or brings back a series; returns when it had been archived (undefined when there is no such series). */
export async function setSeriesArchived(id: number, archived: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.series.findUnique({ where: { id }, select: { archivedAt: true, slug: true } });
    if (!before) return undefined;
    // Archiving an archived series keeps its first date.
    const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
    await tx.series.update({ where: { id }, data: { archivedAt } });
    return { before: before.archivedAt, after: archivedAt, slug: before.slug };
  });
}

/** Deletes a series that has no papers; SeriesInUseError otherwise, null when there is no such series. */
export async function deleteSeriesRecord(id: number) {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.series.findUnique({
        where: { id },
        select: { slug: true, nameEn: true, _count: { select: { publications: true } } },
      });
      if (!row) return null;
      if (row._count.publications > 0) throw new SeriesInUseError(row._count.publications);
      await tx.series.delete({ where: { id } });
      return { slug: row.slug, nameEn: row.nameEn };
    });
  } catch (e) {
    // A paper saved into the series between the count and the delete: the foreign key refuses it.
    if (isPrismaError(e, "P2003")) throw new SeriesInUseError(await db.publication.count({ where: { seriesId: id } }));
    throw e;
  }
}
