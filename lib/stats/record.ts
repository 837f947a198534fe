import "server-only";
import { pool } from "@/lib/db";

// Appends only: no counter row is locked on the request path. Whether a view
// counts (double clicks) is decided when the events are folded into totals.
// The EXISTS clause keeps unknown and unpublished ids (404s) out.
const PUBLIC = `status IN ('published', 'scheduled') AND "publishedAt" <= now()`;

export async function recordView(publicationId: number, visitorHash: string) {
  await pool().query({
    name: "record-view",
    text: `INSERT INTO "UsageEvent" (kind, "publicationId", "visitorHash")
           SELECT 'view', $1, $2 WHERE EXISTS (SELECT 1 FROM "Publication" WHERE id = $1 AND ${PUBLIC})`,
    values: [publicationId, visitorHash],
  });
}

export async function recordDownload(publicationId: number, attachmentId: number, visitorHash: string) {
  await pool().query({
    name: "record-download",
    text: `INSERT INTO "UsageEvent" (kind, "publicationId", "attachmentId", "visitorHash") VALUES ('download', $1, $2, $3)`,
    values: [publicationId, attachmentId, visitorHash],
  });
}
