// Known DailyStat rows for the statistics tests (tests/stats-*.test.ts): three
// series, four publications and their days around a range in March 1999, far in
// the past, so rows other test files write (the counting tests use today) stay out.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { getBreakdownByLanguage, getDailySeries, getTotals, type DailyPoint, type StatTotals } from "@/lib/data/stats";
import { db } from "@/lib/db";
import { createPublication, createSeries, uid } from "./factories";

export const RANGE = { from: "1999-03-01", to: "1999-03-10" };
export const RANGE_QUERY = "from=1999-03-01&to=1999-03-10";
export const KOREAN_TITLE = '북한-러시아 동맹, "신냉전"\n그리고 한국의 대응';
export const FORMULA_TITLE = '=HYPERLINK("http://example.org") "quoted"';

// Any fixed number: the statistics test files take this lock in turn.
const RANGE_LOCK = 19990301;

type Series = Awaited<ReturnType<typeof createSeries>>;
type Publication = Awaited<ReturnType<typeof createPublication>>;
type Row = { publicationId: number; day: string; views: number; downloads: number };

export type StatsRows = {
  analystId: string;
  seriesA: Series;
  seriesB: Series;
  seriesC: Series;
  p1: Publication;
  p2: Publication;
  p3: Publication;
  p4: Publication;
  /** The range's global figures before these rows were written: other files' rows are in them too. */
  before: { totals: StatTotals; daily: DailyPoint[]; language: Awaited<ReturnType<typeof getBreakdownByLanguage>> };
};

async function writeRows(): Promise<StatsRows> {
  const analystId = (await db.user.create({ data: { email: `analyst-${uid()}@stats.test`, role: "ANALYST" } })).id;
  const [seriesA, seriesB, seriesC] = [await createSeries(), await createSeries(), await createSeries()];
  const p1 = await createPublication({ seriesId: seriesA.id, language: "ko", title: KOREAN_TITLE, baseHits: 100 });
  const p2 = await createPublication({ seriesId: seriesA.id, language: "en", title: `Line one ${uid()}\nline two` });
  const p3 = await createPublication({ seriesId: seriesB.id, language: "en", title: FORMULA_TITLE });
  const p4 = await createPublication({ seriesId: seriesB.id, language: "ko", title: `Never read ${uid()}` });

  // Global figures cannot be isolated by series: they are asserted as the difference these rows make.
  const before = {
    totals: await getTotals(RANGE),
    daily: await getDailySeries(RANGE),
    language: await getBreakdownByLanguage(RANGE),
  };

  const rows: Row[] = [
    { publicationId: p1.id, day: "1999-02-28", views: 100, downloads: 100 }, // the day before the range
    { publicationId: p1.id, day: "1999-03-01", views: 5, downloads: 1 },
    { publicationId: p1.id, day: "1999-03-03", views: 7, downloads: 2 },
    { publicationId: p1.id, day: "1999-03-10", views: 1, downloads: 0 },
    { publicationId: p1.id, day: "1999-03-11", views: 50, downloads: 50 }, // the day after
    { publicationId: p2.id, day: "1999-03-03", views: 3, downloads: 4 },
    { publicationId: p2.id, day: "1999-03-05", views: 1234, downloads: 0 },
    { publicationId: p3.id, day: "1999-03-05", views: 13, downloads: 9 },
  ];
  await db.dailyStat.createMany({ data: rows.map((r) => ({ ...r, day: new Date(`${r.day}T00:00:00Z`) })) });
  // As the counting job does: the publication totals are its days summed.
  for (const p of [p1, p2, p3]) {
    const mine = rows.filter((r) => r.publicationId === p.id);
    await db.publication.update({
      where: { id: p.id },
      data: {
        viewCount: mine.reduce((n, r) => n + r.views, 0),
        downloadCount: mine.reduce((n, r) => n + r.downloads, 0),
      },
    });
  }
  return { analystId, seriesA, seriesB, seriesC, p1, p2, p3, p4, before };
}

/**
 * Writes the rows before the file's tests and returns them (filled in once
 * beforeAll has run). The files share the range and run at once: each holds a
 * database lock from writing its rows to its last test, so no file's figures
 * take in another file's rows half-way.
 */
export function knownStatsRows(): StatsRows {
  const seeded = {} as StatsRows;
  let lock: pg.Client | undefined;
  beforeAll(async () => {
    lock = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await lock.connect();
    await lock.query("SELECT pg_advisory_lock($1)", [RANGE_LOCK]);
    Object.assign(seeded, await writeRows());
  });
  // The lock is the session's: it ends with the connection.
  afterAll(() => lock?.end());
  return seeded;
}

/** What the rows added to a global figure. */
export const minus = (after: StatTotals, was: StatTotals | undefined) => ({
  views: after.views - (was?.views ?? 0),
  downloads: after.downloads - (was?.downloads ?? 0),
});
