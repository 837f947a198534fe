import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorEditorInput } from "@/lib/validations/authors";
import { ConflictError } from "./admin-publications";
import { authorProfileSelect } from "./authors";
import { readPage } from "./pagination";

const PAGE_SIZE = 30;

/** Every author, drafts' authors included, by English name; `q` matches either name. */
export async function listAuthorsForAdmin({ page, q }: { page: number; q?: string }) {
  const where: Prisma.AuthorWhereInput = q
    ? { OR: [{ nameKo: { contains: q, mode: "insensitive" } }, { nameEn: { contains: q, mode: "insensitive" } }] }
    : {};
  return readPage(
    { page, pageSize: PAGE_SIZE },
    () => db.author.count({ where }),
    (window) =>
      db.author.findMany({
        where,
        orderBy: [{ nameEn: "asc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          nameKo: true,
          nameEn: true,
          affiliationKo: true,
          affiliationEn: true,
          _count: { select: { authorships: true } },
        },
      }),
  );
}

export async function getAuthorForEdit(id: number) {
  return db.author.findUnique({ where: { id }, select: { id: true, ...authorProfileSelect, updatedAt: true } });
}

/**
 * Saves the profile unless someone saved it after `version` (then ConflictError).
 * Returns what it was before, the new version, and the papers that show the name.
 */
export async function updateAuthorRecord(id: number, version: Date, profile: Omit<AuthorEditorInput, "version">) {
  return db.$transaction(async (tx) => {
    const before = await tx.author.findUnique({ where: { id }, select: authorProfileSelect });
    const { count } = await tx.author.updateMany({ where: { id, updatedAt: version }, data: profile });
    if (!before || count === 0) throw new ConflictError();
    const [after, authorships] = await Promise.all([
      tx.author.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } }),
      tx.authorship.findMany({ where: { authorId: id }, select: { publicationId: true } }),
    ]);
    return { before, version: after.updatedAt, publicationIds: authorships.map((a) => a.publicationId) };
  });
}
