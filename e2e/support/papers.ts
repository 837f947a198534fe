// Papers a spec makes for itself, so that what it counts and reads is its own.
import { randomUUID } from "node:crypto";
import { queryE2e } from "./db";

/**
 * A published paper in the first series, with `baseHits` carried over from the
 * old site. Its report number starts with E2E-, as those of papers the specs make do.
 */
export async function createPaper({
  language = "en",
  baseHits = 0,
  body = "## Findings\n\nText.",
}: { language?: "en" | "ko"; baseHits?: number; body?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const title = `E2E paper ${tag}`;
  const [row] = await queryE2e<{ id: number }>(
    `insert into "Publication" ("seriesId", "reportNumber", language, title, summary, body, status, "publishedAt", "baseHits", "updatedAt")
     select id, $1, $2::"Language", $3, 'A paper made by an end-to-end test.', $5, 'published', now(), $4, now()
     from "Series" order by id limit 1
     returning id`,
    [`E2E-${tag}`, language, title, baseHits, body],
  );
  return { id: row!.id, title };
}
