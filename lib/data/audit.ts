import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readPage } from "./pagination";

export type AuditAction =
  | "create"
  | "update"
  | "publish"
  | "schedule"
  | "archive"
  | "unpublish"
  | "delete"
  | "upload"
  | "replace"
  | "remove"
  | "invite"
  | "role"
  | "deactivate"
  | "reactivate"
  | "unarchive"
  | "sign-in-failed"
  | "link-sso"
  | "merge"
  | "feature"
  | "unfeature"
  | "import"
  | "export";

/** Who did what to which record, with the fields that changed as [before, after]. */
export async function recordAudit(entry: {
  userId: string | null;
  action: AuditAction;
  entityType:
    | "publication"
    | "attachment"
    | "user"
    | "author"
    | "topic"
    | "region"
    | "series"
    | "site-settings"
    | "site-asset"
    | "redirect"
    | "alert-subscriber";
  entityId: string | number;
  changes?: Record<string, [unknown, unknown]>;
}) {
  await db.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      // JSON has no undefined; dates become ISO strings.
      changes: entry.changes
        ? (JSON.parse(JSON.stringify(entry.changes, (_k, v: unknown) => (v === undefined ? null : v))) as Prisma.InputJsonValue)
        : undefined,
    },
  });
}

export async function listAuditEntries({ page, pageSize = 50 }: { page: number; pageSize?: number }) {
  return readPage(
    { page, pageSize },
    () => db.auditLog.count(),
    (window) =>
      db.auditLog.findMany({
        orderBy: { id: "desc" },
        ...window,
        select: {
          id: true,
          action: true,
          entityType: true,
          entityId: true,
          changes: true,
          createdAt: true,
          user: { select: { email: true } },
        },
      }),
  );
}

/** Changed fields between two snapshots, for the audit log. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) out[key] = [old, value];
  }
  return out;
}
