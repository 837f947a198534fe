import pg from "pg";
import { e2eDatabaseUrl } from "./e2e-env";

/** Read-only look into the e2e database, to compare pages with what is stored. */
export async function queryE2e<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function seedPaperIds() {
  const rows = await queryE2e<{ id: number; language: string }>(
    `select p.id, p.language from "Publication" p join "Series" s on s.id = p."seriesId"
     where s.slug = 'ifans-perspectives' and p."reportNumber" in ('2024-14E', '2024-14')`,
  );
  const en = rows.find((r) => r.language === "en")?.id;
  const ko = rows.find((r) => r.language === "ko")?.id;
  if (!en || !ko) throw new Error("The seed paper 2024-14E and its Korean twin are missing from the e2e database.");
  return { en, ko };
}

/** The public hit figure as stored: carried-over hits plus counted views. */
export async function storedHits(id: number) {
  const [row] = await queryE2e<{ hits: number }>(`select "baseHits" + "viewCount" as hits from "Publication" where id = $1`, [
    id,
  ]);
  return row!.hits;
}

/** A paper's usage events: how many are written, and how many of those the counting job has not folded yet. */
export async function usageEvents(id: number) {
  const [row] = await queryE2e<{ written: number; unfolded: number }>(
    `select count(*)::int as written,
       count(*) filter (where "insertedAt" >= (select "foldedThrough" from "StatsFold" where id = 1))::int as unfolded
     from "UsageEvent" where "publicationId" = $1`,
    [id],
  );
  return row!;
}
