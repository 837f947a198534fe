import "server-only";
import { db } from "@/lib/db";
import { candidateLookups, type LegacyAddress } from "@/lib/legacy-urls/canonical";
import { isPublicNow } from "./visibility";

/** The paper an old address names: its page in its own language. */
export type LegacyTarget = { publicationId: number; language: string };

/**
 * The distinct identifying-parameter sets stored for a path ("seq",
 * "menu,seq", …), read by a skip scan over the (path, paramNames) index: one
 * index probe per set, however many thousand papers share the path.
 */
async function paramSetsOf(path: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ paramNames: string | null }[]>`
    WITH RECURSIVE sets AS (
      (SELECT "paramNames" FROM "LegacyUrl" WHERE path = ${path} ORDER BY "paramNames" LIMIT 1)
      UNION ALL
      SELECT (SELECT l."paramNames" FROM "LegacyUrl" l
              WHERE l.path = ${path} AND l."paramNames" > sets."paramNames"
              ORDER BY l."paramNames" LIMIT 1)
      FROM sets WHERE sets."paramNames" IS NOT NULL
    )
    SELECT "paramNames" FROM sets WHERE "paramNames" IS NOT NULL`;
  return rows.map((row) => row.paramNames).filter((set): set is string => set !== null);
}

/**
 * The public paper an old address names, or null: matched on its path and the
 * parameters stored for it (order and extra parameters do not matter; the
 * match with the most identifying parameters wins). A paper readers cannot
 * see (a draft, a paper scheduled later) is no match: its old link stays a 404.
 */
export async function findLegacyTarget(address: LegacyAddress, now = new Date()): Promise<LegacyTarget | null> {
  const candidates = candidateLookups(address, await paramSetsOf(address.path));
  if (candidates.length === 0) return null;
  const rows = await db.legacyUrl.findMany({
    where: { path: address.path, query: { in: candidates.map((c) => c.query) } },
    select: { query: true, publication: { select: { id: true, language: true, status: true, publishedAt: true } } },
  });
  for (const candidate of candidates) {
    const publication = rows.find((row) => row.query === candidate.query)?.publication;
    if (publication)
      return isPublicNow(publication, now) ? { publicationId: publication.id, language: publication.language } : null;
  }
  return null;
}
