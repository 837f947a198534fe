import "server-only";
import { db } from "@/lib/db";
import type { EmailShareOutcome, Language } from "@/lib/generated/prisma/client";
import { readPage } from "./pagination";
import { isUniqueViolation } from "./prisma-errors";
import { publicPublicationWhere } from "./visibility";

type Attempt = {
  publicationId: number | null;
  locale: Language;
  clientHash: string;
  recipientHash: string;
  submissionId?: string;
};

/** Logs a finished attempt that never got as far as sending. */
export async function logEmailShare(attempt: Attempt & { outcome: EmailShareOutcome; error?: string }) {
  await db.emailShare.create({ data: { ...attempt, error: attempt.error ?? null } });
}

/**
 * Claims a submission id before anything is sent. Only the first of several
 * identical submissions gets the row; the others see what became of it.
 */
export async function claimEmailShare(attempt: Attempt & { submissionId: string }) {
  try {
    const row = await db.emailShare.create({ data: { ...attempt, outcome: "pending" }, select: { id: true } });
    return { claimed: true as const, id: row.id };
  } catch (e) {
    if (isUniqueViolation(e)) {
      return { claimed: false as const };
    }
    throw e;
  }
}

export async function finishEmailShare(id: bigint, outcome: EmailShareOutcome, error?: string) {
  await db.emailShare.update({ where: { id }, data: { outcome, error: error ?? null } });
}

/** A submission that failed may be retried with the same form: release its claim. */
export async function releaseEmailShareClaim(id: bigint) {
  await db.emailShare.update({ where: { id }, data: { submissionId: null } });
}

/** A refused submission whose row the log has no room for: drop the claim altogether. */
export async function discardEmailShareClaim(id: bigint) {
  await db.emailShare.delete({ where: { id } });
}

/** The public facts a share mail quotes, for a publication readers may see. */
export async function getShareablePublication(id: number) {
  return db.publication.findFirst({
    where: { id, ...publicPublicationWhere() },
    select: {
      id: true,
      language: true,
      title: true,
      summary: true,
      publishedAt: true,
      authors: { orderBy: { position: "asc" }, select: { author: { select: { nameKo: true, nameEn: true } } } },
    },
  });
}

/** The admin's view of the log: outcomes only; there are no message bodies to show. */
export async function listEmailShares({ page, pageSize = 50 }: { page: number; pageSize?: number }) {
  return readPage(
    { page, pageSize },
    () => db.emailShare.count(),
    (window) =>
      db.emailShare.findMany({
        orderBy: { id: "desc" },
        ...window,
        select: {
          id: true,
          createdAt: true,
          outcome: true,
          error: true,
          clientHash: true,
          locale: true,
          publication: { select: { id: true, title: true } },
        },
      }),
  );
}
