import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TaxonomyCreateInput, TaxonomyKind, TaxonomyNames } from "@/lib/validations/taxonomy";

// Topic and Region are the same shape in two tables: one set of SQL serves both, named from this fixed table.
const TABLES = {
  topic: { terms: Prisma.raw(`"Topic"`), links: Prisma.raw(`"PublicationTopic"`), key: Prisma.raw(`"topicId"`) },
  region: { terms: Prisma.raw(`"Region"`), links: Prisma.raw(`"PublicationRegion"`), key: Prisma.raw(`"regionId"`) },
} as const satisfies Record<TaxonomyKind, Record<string, Prisma.Sql>>;

export type TaxonomyTerm = { id: number; slug: string; nameKo: string; nameEn: string };
export type TaxonomyRow = TaxonomyTerm & { papers: number };

type Tx = Prisma.TransactionClient;
type Refusal<R extends string> = { ok: false; reason: R };

/** Every topic (or region) by slug, with how many papers carry it, drafts included. */
export async function listTaxonomyTerms(kind: TaxonomyKind): Promise<TaxonomyRow[]> {
  const { terms, links, key } = TABLES[kind];
  return db.$queryRaw<TaxonomyRow[]>`
    SELECT t.id, t.slug, t."nameKo", t."nameEn", COUNT(l."publicationId")::int AS papers
    FROM ${terms} t LEFT JOIN ${links} l ON l.${key} = t.id
    GROUP BY t.id ORDER BY t.slug`;
}

/** Creates a term; refused when the slug is taken (checked by the unique index, so two at once cannot both win). */
export async function createTaxonomyTerm(
  kind: TaxonomyKind,
  input: TaxonomyCreateInput,
): Promise<{ ok: true; term: TaxonomyTerm } | Refusal<"slugTaken">> {
  const { terms } = TABLES[kind];
  const [term] = await db.$queryRaw<TaxonomyTerm[]>`
    INSERT INTO ${terms} (slug, "nameKo", "nameEn") VALUES (${input.slug}, ${input.nameKo}, ${input.nameEn})
    ON CONFLICT (slug) DO NOTHING
    RETURNING id, slug, "nameKo", "nameEn"`;
  return term ? { ok: true, term } : { ok: false, reason: "slugTaken" };
}

/** Locks the terms (in id order, so two merges cannot deadlock); papers linking to them wait until the change is done. */
async function lockTerms(tx: Tx, kind: TaxonomyKind, ids: number[]) {
  return tx.$queryRaw<TaxonomyTerm[]>`
    SELECT id, slug, "nameKo", "nameEn" FROM ${TABLES[kind].terms}
    WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

async function papersOf(tx: Tx, kind: TaxonomyKind, id: number) {
  const { links, key } = TABLES[kind];
  const rows = await tx.$queryRaw<{ publicationId: number }[]>`
    SELECT "publicationId" FROM ${links} WHERE ${key} = ${id} ORDER BY "publicationId"`;
  return rows.map((r) => r.publicationId);
}

/** New names in both languages; the slug stays, so links to the catalogue keep working. */
export async function renameTaxonomyTerm(
  kind: TaxonomyKind,
  id: number,
  names: TaxonomyNames,
): Promise<{ ok: true; before: TaxonomyTerm; publicationIds: number[] } | Refusal<"notFound">> {
  return db.$transaction(async (tx) => {
    const [before] = await lockTerms(tx, kind, [id]);
    if (!before) return { ok: false, reason: "notFound" };
    await tx.$executeRaw`
      UPDATE ${TABLES[kind].terms} SET "nameKo" = ${names.nameKo}, "nameEn" = ${names.nameEn} WHERE id = ${id}`;
    return { ok: true, before, publicationIds: await papersOf(tx, kind, id) };
  });
}

/**
 * Gives every paper of the source the target (a paper with both keeps one
 * link), then deletes the source; all or nothing.
 */
export async function mergeTaxonomyTerms(
  kind: TaxonomyKind,
  sourceId: number,
  targetId: number,
): Promise<
  { ok: true; source: TaxonomyTerm; target: TaxonomyTerm; publicationIds: number[] } | Refusal<"notFound" | "sameTarget">
> {
  if (sourceId === targetId) return { ok: false, reason: "sameTarget" };
  const { terms, links, key } = TABLES[kind];
  return db.$transaction(async (tx) => {
    const locked = await lockTerms(tx, kind, [sourceId, targetId]);
    const source = locked.find((t) => t.id === sourceId);
    const target = locked.find((t) => t.id === targetId);
    if (!source || !target) return { ok: false, reason: "notFound" };
    const publicationIds = await papersOf(tx, kind, sourceId);
    await tx.$executeRaw`
      INSERT INTO ${links} ("publicationId", ${key})
      SELECT "publicationId", ${targetId} FROM ${links} WHERE ${key} = ${sourceId}
      ON CONFLICT DO NOTHING`;
    // The source's own links go with it (ON DELETE CASCADE).
    await tx.$executeRaw`DELETE FROM ${terms} WHERE id = ${sourceId}`;
    return { ok: true, source, target, publicationIds };
  });
}

/** Deletes a term no paper carries; one in use is refused with how many papers carry it. */
export async function deleteTaxonomyTerm(
  kind: TaxonomyKind,
  id: number,
): Promise<{ ok: true; before: TaxonomyTerm } | Refusal<"notFound"> | (Refusal<"inUse"> & { papers: number })> {
  return db.$transaction(async (tx) => {
    // Locked first: a paper tagged meanwhile either counts here or waits and then finds the term gone.
    const [before] = await lockTerms(tx, kind, [id]);
    if (!before) return { ok: false, reason: "notFound" };
    const papers = (await papersOf(tx, kind, id)).length;
    if (papers > 0) return { ok: false, reason: "inUse", papers };
    await tx.$executeRaw`DELETE FROM ${TABLES[kind].terms} WHERE id = ${id}`;
    return { ok: true, before };
  });
}
