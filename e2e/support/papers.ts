// Papers a spec makes for itself, so that what it counts and reads is its own.
import { randomUUID } from "node:crypto";
import { queryE2e } from "./db";

/**
 * A published paper in the first series (or `seriesId`), with `baseHits` carried over from the
 * old site. Its report number starts with E2E-, as those of papers the specs make do.
 */
export async function createPaper({
  language = "en",
  baseHits = 0,
  body = "## Findings\n\nText.",
  seriesId,
}: { language?: "en" | "ko"; baseHits?: number; body?: string; seriesId?: number } = {}) {
  const tag = randomUUID().slice(0, 8);
  const title = `E2E paper ${tag}`;
  const [row] = await queryE2e<{ id: number }>(
    `insert into "Publication" ("seriesId", "reportNumber", language, title, summary, body, status, "publishedAt", "baseHits", "updatedAt")
     select id, $1, $2::"Language", $3, 'A paper made by an end-to-end test.', $5, 'published', now(), $4, now()
     from "Series" where id = $6 or $6 is null order by id limit 1
     returning id`,
    [`E2E-${tag}`, language, title, baseHits, body, seriesId ?? null],
  );
  return { id: row!.id, title };
}

/** A series of the spec's own, outside the navigation: its papers' previous and next links are not changed by other specs' papers. */
export async function createSeries() {
  const tag = randomUUID().slice(0, 8);
  const [row] = await queryE2e<{ id: number }>(
    `insert into "Series" (slug, "nameKo", "nameEn", "reportPrefix", "inNavigation", "updatedAt") values ($1, $2, $3, $4, false, now()) returning id`,
    [`e2e-${tag}`, `E2E 시리즈 ${tag}`, `E2E series ${tag}`, `E2E ${tag}`],
  );
  return row!.id;
}
