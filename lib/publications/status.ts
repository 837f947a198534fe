import { parseSiteLocalDateTime } from "@/lib/format";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";

// The editorial rules of a paper's status, pure: the writes are in lib/data/admin-publications.ts.

type Current = { status: PublicationStatus; publishedAt: Date | null };

export type StatusChangeRefusal = "required" | "scheduleInPast";

/** What the audit log calls each move to a status. */
export const statusAuditAction = {
  published: "publish",
  scheduled: "schedule",
  archived: "archive",
  draft: "unpublish",
} as const satisfies Record<PublicationStatus, string>;

/** Public papers (or ones about to be) are archived or unpublished first, never deleted outright. */
export function mayDelete(status: PublicationStatus): boolean {
  return status !== "published" && status !== "scheduled";
}

/**
 * The publication date after moving to `status`. Scheduling needs a time to
 * come (`publishAt`, read in the site's time zone). Publishing stamps now,
 * unless the paper is already published with a past date, or comes back from
 * the archive with its date. Any other move keeps the date it had.
 */
export function publishedAtAfter(
  current: Current,
  status: PublicationStatus,
  publishAt: string | undefined,
  now = new Date(),
): { ok: true; publishedAt: Date | null } | { ok: false; error: StatusChangeRefusal } {
  const { publishedAt } = current;
  if (status === "scheduled") {
    const when = publishAt ? parseSiteLocalDateTime(publishAt) : null;
    if (!when) return { ok: false, error: "required" };
    if (when.getTime() <= now.getTime()) return { ok: false, error: "scheduleInPast" };
    return { ok: true, publishedAt: when };
  }
  if (status === "published" && (!publishedAt || publishedAt.getTime() > now.getTime() || current.status !== "published"))
    return { ok: true, publishedAt: current.status === "archived" && publishedAt ? publishedAt : now };
  return { ok: true, publishedAt };
}
