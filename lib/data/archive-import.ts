import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CanonicalLegacyUrl } from "@/lib/legacy-urls/canonical";
import type { ArchivePublication, ArchiveSeries, ArchiveTerm, Refusal } from "@/lib/validations/archive";
import { diffFields } from "./audit";
import { isUniqueViolation } from "./prisma-errors";

// The importer's reads and writes (`npm run import`). Each paper is written in
// one transaction; a reference that turns out not to resolve rolls it back and
// comes back as a refusal, never as an exception.

type Tx = Prisma.TransactionClient;
type FieldRefusal = Omit<Refusal, "line">;

class Refused extends Error {
  constructor(readonly refusal: FieldRefusal) {
    super(refusal.reason);
  }
}

export type SeriesRules = { id: number; reportNumberPattern: string };

/** Creates or updates a series from series.jsonl; an unchanged one is left alone. */
export async function upsertArchiveSeries(
  s: ArchiveSeries,
): Promise<SeriesRules & { outcome: "created" | "updated" | "unchanged" }> {
  const data = {
    nameKo: s.nameKo,
    nameEn: s.nameEn,
    descriptionKo: s.descriptionKo,
    descriptionEn: s.descriptionEn,
    reportPrefix: s.reportPrefix,
    reportNumberPattern: s.reportNumberPattern,
  };
  const before = await db.series.findUnique({
    where: { slug: s.slug },
    select: {
      id: true,
      nameKo: true,
      nameEn: true,
      descriptionKo: true,
      descriptionEn: true,
      reportPrefix: true,
      reportNumberPattern: true,
    },
  });
  if (!before) {
    const created = await db.series.create({ data: { slug: s.slug, ...data }, select: { id: true, reportNumberPattern: true } });
    return { ...created, outcome: "created" };
  }
  if (Object.keys(diffFields(before, data)).length === 0)
    return { id: before.id, reportNumberPattern: before.reportNumberPattern, outcome: "unchanged" };
  const updated = await db.series.update({ where: { id: before.id }, data, select: { id: true, reportNumberPattern: true } });
  return { ...updated, outcome: "updated" };
}

/** A series already in the database, for lines naming one series.jsonl does not list. */
export async function findSeriesRules(slug: string): Promise<SeriesRules | null> {
  return db.series.findUnique({ where: { slug }, select: { id: true, reportNumberPattern: true } });
}

/** The paper a legacy id was imported into, with what a re-import compares. */
export async function findImportedPaper(legacyId: string) {
  return db.publication.findUnique({
    where: { legacyId },
    select: { id: true, language: true, legacyLineHash: true, attachments: { select: { sha256: true } } },
  });
}

export type ImportedPaper = NonNullable<Awaited<ReturnType<typeof findImportedPaper>>>;

/** What an archive line refers to that must already exist: bare topic/region slugs and key-only authors. */
export async function checkArchiveReferences(
  p: Pick<ArchivePublication, "authors" | "topics" | "regions">,
): Promise<FieldRefusal[]> {
  return db.$transaction((tx) => missingReferences(tx, p));
}

/** Another paper holding this series + number + language (an editor's paper, or another legacy id). */
export async function findReportNumberOwner(seriesId: number, reportNumber: string, language: "ko" | "en", legacyId: string) {
  return db.publication.findFirst({
    where: { seriesId, reportNumber, language, OR: [{ legacyId: null }, { legacyId: { not: legacyId } }] },
    select: { id: true, legacyId: true },
  });
}

async function missingReferences(tx: Tx, p: Pick<ArchivePublication, "authors" | "topics" | "regions">): Promise<FieldRefusal[]> {
  const out: FieldRefusal[] = [];
  for (const [i, a] of p.authors.entries()) {
    if (a.nameKo !== undefined && a.nameEn !== undefined) continue;
    if (!(await tx.author.findUnique({ where: { legacyKey: a.key }, select: { id: true } })))
      out.push({ field: `authors[${i}]`, reason: `no author has the key "${a.key}"; give "nameKo" and "nameEn" to create one` });
  }
  for (const kind of ["topics", "regions"] as const) {
    for (const [i, term] of p[kind].entries()) {
      if (typeof term !== "string") continue;
      const table = kind === "topics" ? tx.topic : tx.region;
      if (!(await (table as typeof tx.topic).findUnique({ where: { slug: term }, select: { id: true } })))
        out.push({
          field: `${kind}[${i}]`,
          reason: `unknown ${kind === "topics" ? "topic" : "region"} "${term}": give {"slug", "nameKo", "nameEn"} to create it`,
        });
    }
  }
  return out;
}

export type ArchiveAttachment = {
  sha256: string;
  fileName: string;
  /** Absent when the paper already has this file: its row is kept. */
  file?: { byteSize: number; pageCount: number; extractedText: string | null; storageKey: string };
};

export type ArchivePaperWrite = {
  legacyId: string;
  /** Null until the translation is linked: a run stopped in between applies the line again. */
  lineHash: string | null;
  seriesId: number;
  line: ArchivePublication;
  body: string;
  attachments: ArchiveAttachment[];
  legacyUrls: CanonicalLegacyUrl[];
};

export type ArchiveWriteResult =
  { ok: true; outcome: "imported" | "updated"; id: number; removedStorageKeys: string[] } | { ok: false; refusal: FieldRefusal };

async function authorIdOf(tx: Tx, a: ArchivePublication["authors"][number], index: number): Promise<number> {
  if (a.key !== undefined) {
    const byKey = await tx.author.findUnique({ where: { legacyKey: a.key }, select: { id: true } });
    if (byKey) return byKey.id;
  }
  if (a.nameKo === undefined || a.nameEn === undefined)
    throw new Refused({
      field: `authors[${index}]`,
      reason: `no author has the key "${a.key}"; give "nameKo" and "nameEn" to create one`,
    });
  const byName = await tx.author.findFirst({
    where: { nameKo: a.nameKo, nameEn: a.nameEn, ...(a.key === undefined ? {} : { legacyKey: null }) },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (byName) {
    // An author the editors made by hand takes the archive's key, so later lines find them by it.
    if (a.key !== undefined) await tx.author.update({ where: { id: byName.id }, data: { legacyKey: a.key } });
    return byName.id;
  }
  return (
    await tx.author.create({ data: { nameKo: a.nameKo, nameEn: a.nameEn, legacyKey: a.key ?? null }, select: { id: true } })
  ).id;
}

async function termIdOf(tx: Tx, kind: "topics" | "regions", term: ArchiveTerm, index: number): Promise<number> {
  const table = (kind === "topics" ? tx.topic : tx.region) as typeof tx.topic;
  if (typeof term !== "string") {
    // Names of an existing term stay as the editors keep them.
    return (await table.upsert({ where: { slug: term.slug }, create: term, update: {}, select: { id: true } })).id;
  }
  const found = await table.findUnique({ where: { slug: term }, select: { id: true } });
  if (!found)
    throw new Refused({
      field: `${kind}[${index}]`,
      reason: `unknown ${kind === "topics" ? "topic" : "region"} "${term}": give {"slug", "nameKo", "nameEn"} to create it`,
    });
  return found.id;
}

async function writeRelations(tx: Tx, id: number, w: ArchivePaperWrite) {
  const authorIds: number[] = [];
  for (const [i, a] of w.line.authors.entries()) authorIds.push(await authorIdOf(tx, a, i));
  await tx.authorship.deleteMany({ where: { publicationId: id } });
  await tx.authorship.createMany({
    data: [...new Set(authorIds)].map((authorId, position) => ({ publicationId: id, authorId, position })),
  });

  const topicIds: number[] = [];
  for (const [i, t] of w.line.topics.entries()) topicIds.push(await termIdOf(tx, "topics", t, i));
  await tx.publicationTopic.deleteMany({ where: { publicationId: id } });
  await tx.publicationTopic.createMany({ data: [...new Set(topicIds)].map((topicId) => ({ publicationId: id, topicId })) });

  const regionIds: number[] = [];
  for (const [i, r] of w.line.regions.entries()) regionIds.push(await termIdOf(tx, "regions", r, i));
  await tx.publicationRegion.deleteMany({ where: { publicationId: id } });
  await tx.publicationRegion.createMany({ data: [...new Set(regionIds)].map((regionId) => ({ publicationId: id, regionId })) });
}

/** Keeps the files the line still names (by SHA-256), adds new ones, and returns the storage keys of those dropped. */
async function writeAttachments(tx: Tx, id: number, attachments: ArchiveAttachment[]): Promise<string[]> {
  const keep = attachments.map((a) => a.sha256);
  const dropped = await tx.attachment.findMany({
    where: { publicationId: id, sha256: { notIn: keep } },
    select: { storageKey: true },
  });
  await tx.attachment.deleteMany({ where: { publicationId: id, sha256: { notIn: keep } } });
  for (const [sortOrder, a] of attachments.entries()) {
    if (a.file) {
      const data = { fileName: a.fileName, sortOrder, mediaType: "application/pdf", ...a.file };
      await tx.attachment.upsert({
        where: { publicationId_sha256: { publicationId: id, sha256: a.sha256 } },
        create: { publicationId: id, sha256: a.sha256, ...data },
        update: data,
      });
    } else {
      await tx.attachment.updateMany({
        where: { publicationId: id, sha256: a.sha256 },
        data: { fileName: a.fileName, sortOrder },
      });
    }
  }
  return dropped.map((d) => d.storageKey);
}

async function writeLegacyUrls(tx: Tx, id: number, urls: CanonicalLegacyUrl[]) {
  await tx.legacyUrl.deleteMany({ where: { publicationId: id } });
  for (const [i, url] of urls.entries()) {
    const owner = await tx.legacyUrl.findUnique({
      where: { path_query: { path: url.path, query: url.query } },
      select: { publication: { select: { id: true, legacyId: true } } },
    });
    if (owner && owner.publication.id !== id)
      throw new Refused({
        field: `legacyUrls[${i}]`,
        reason: `this old address already leads to another paper (${owner.publication.legacyId ?? `id ${owner.publication.id}`})`,
      });
    if (!owner) await tx.legacyUrl.create({ data: { ...url, publicationId: id } });
  }
}

const scalars = (w: ArchivePaperWrite) => ({
  seriesId: w.seriesId,
  reportNumber: w.line.number,
  language: w.line.language,
  title: w.line.title,
  subtitle: w.line.subtitle,
  summary: w.line.summary,
  body: w.body,
  status: w.line.status,
  publishedAt: w.line.publishedAt,
  // Set, never added: a re-import must not count the old site's hits twice.
  baseHits: w.line.hits,
});

/** Creates or updates the paper of one archive line, with everything it names, in one transaction. */
export async function writeArchivePaper(w: ArchivePaperWrite): Promise<ArchiveWriteResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        const data = scalars(w);
        const before = await tx.publication.findUnique({
          where: { legacyId: w.legacyId },
          select: { id: true, ...scalarSelect },
        });
        const id = before
          ? (
              await tx.publication.update({
                where: { id: before.id },
                data: { ...data, legacyLineHash: w.lineHash, version: { increment: 1 } },
              })
            ).id
          : (
              await tx.publication.create({
                data: { ...data, legacyId: w.legacyId, legacyLineHash: w.lineHash },
                select: { id: true },
              })
            ).id;
        await writeRelations(tx, id, w);
        const removedStorageKeys = await writeAttachments(tx, id, w.attachments);
        await writeLegacyUrls(tx, id, w.legacyUrls);
        const changes = before ? diffFields(before, data) : { legacyId: [null, w.legacyId] as [unknown, unknown] };
        await tx.auditLog.create({
          data: {
            userId: null,
            action: "import",
            entityType: "publication",
            entityId: String(id),
            changes: JSON.parse(JSON.stringify(changes)) as Prisma.InputJsonValue,
          },
        });
        return { ok: true as const, outcome: before ? ("updated" as const) : ("imported" as const), id, removedStorageKeys };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    if (isUniqueViolation(error, "reportNumber"))
      return {
        ok: false,
        refusal: {
          field: "number",
          reason: `report number "${w.line.number}" is already used by another ${w.line.language} paper of this series`,
        },
      };
    throw error;
  }
}

const scalarSelect = {
  seriesId: true,
  reportNumber: true,
  language: true,
  title: true,
  subtitle: true,
  summary: true,
  body: true,
  status: true,
  publishedAt: true,
  baseHits: true,
} as const;

/** Links a paper to its other-language version (one side holds the link); false when either is not there. */
export async function linkArchiveTranslation(legacyId: string, twinLegacyId: string, lineHash: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [paper, twin] = await Promise.all([
      tx.publication.findUnique({ where: { legacyId }, select: { id: true } }),
      tx.publication.findUnique({ where: { legacyId: twinLegacyId }, select: { id: true } }),
    ]);
    if (!paper || !twin) return false;
    await tx.publication.updateMany({
      where: { OR: [{ translationId: { in: [paper.id, twin.id] } }, { id: twin.id }] },
      data: { translationId: null },
    });
    await tx.publication.update({
      where: { id: paper.id },
      data: { translationId: twin.id, ...(lineHash ? { legacyLineHash: lineHash } : {}) },
    });
    return true;
  });
}

/** The language of a paper already in the database under this legacy id, for translation checks. */
export async function findLegacyLanguage(legacyId: string) {
  return (await db.publication.findUnique({ where: { legacyId }, select: { language: true } }))?.language ?? null;
}

/** Which paper holds an old address, for refusing a line that would take another paper's address. */
export async function findLegacyUrlOwner(url: CanonicalLegacyUrl): Promise<string | null> {
  const row = await db.legacyUrl.findUnique({
    where: { path_query: { path: url.path, query: url.query } },
    select: { publication: { select: { legacyId: true, id: true } } },
  });
  return row ? (row.publication.legacyId ?? `id ${row.publication.id}`) : null;
}
