// The demo's usage history: with demo data the statistics dashboard has six
// months of views and downloads to chart on first start; without it, nothing.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, siteToday } from "@/lib/stats/period";
import { seedDatabase } from "@/prisma/seed/seed";
import { prepareDatabase } from "@/scripts/lib/prepare-database";
import { createDatabase } from "./support/databases";

type Database = Awaited<ReturnType<typeof createDatabase>>;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client
    .query<T>(sql, params)
    .then((result) => result.rows)
    .finally(() => client.end());
}

/** Every day of history by its edition's natural key, to compare two databases. */
const historyRows = (url: string) =>
  query<{ edition: string; day: string; views: number; downloads: number }>(
    url,
    `select s.slug || ' ' || p."reportNumber" as edition, to_char(d.day, 'YYYY-MM-DD') as day, d.views, d.downloads
     from "DailyStat" d join "Publication" p on p.id = d."publicationId" join "Series" s on s.id = p."seriesId"
     order by 1, 2`,
  );

const totals = async (url: string) =>
  (
    await query<{ rows: number; views: number; downloads: number; viewCount: number; downloadCount: number }>(
      url,
      `select (select count(*)::int from "DailyStat") as rows,
         (select coalesce(sum(views), 0)::int from "DailyStat") as views,
         (select coalesce(sum(downloads), 0)::int from "DailyStat") as downloads,
         (select sum("viewCount")::int from "Publication") as "viewCount",
         (select sum("downloadCount")::int from "Publication") as "downloadCount"`,
    )
  )[0]!;

describe("demo usage history", () => {
  const databases: Database[] = [];
  let storageDir: string;
  let demo: Database;
  let today: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-history-"));
    demo = await createDatabase("perspectives_history", { migrate: false });
    databases.push(demo);
    const before = siteToday();
    // As `npm start` fills a new database with DEMO_DATA=true.
    await prepareDatabase(demo.url, { storageDir: path.join(storageDir, "demo"), demoData: true, log: () => undefined });
    const after = siteToday();
    const [last] = await query<{ day: string }>(demo.url, `select to_char(max(day), 'YYYY-MM-DD') as day from "DailyStat"`);
    today = addDays(last!.day, 1);
    // The seed may have run across midnight in Seoul.
    expect([before, after]).toContain(today);
  }, 300_000);
  afterAll(async () => {
    for (const db of databases) await db.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  it("charts 180 days ending yesterday, with views on every one of them", async () => {
    const days = await query<{ day: string; views: number }>(
      demo.url,
      `select to_char(day, 'YYYY-MM-DD') as day, sum(views)::int as views from "DailyStat" group by day order by day`,
    );
    expect(days).toHaveLength(180);
    expect(days[0]?.day).toBe(addDays(today, -180));
    expect(days.at(-1)?.day).toBe(addDays(today, -1));
    expect(days.filter((d) => d.views === 0)).toEqual([]);
  });

  it("gives a paper views only from its publication day on, and drafts none", async () => {
    const [c] = await query<{ early: number; drafts: number; recent: number; recentWithViews: number }>(
      demo.url,
      `select
         (select count(*)::int from "DailyStat" d join "Publication" p on p.id = d."publicationId"
          where p."publishedAt" is null or d.day < (p."publishedAt" at time zone 'Asia/Seoul')::date) as early,
         (select count(*)::int from "DailyStat" d join "Publication" p on p.id = d."publicationId"
          where p.status = 'draft') as drafts,
         (select count(*)::int from "Publication" p
          where p.status = 'published' and (p."publishedAt" at time zone 'Asia/Seoul')::date between $1::date and $2::date) as recent,
         (select count(distinct p.id)::int from "Publication" p join "DailyStat" d on d."publicationId" = p.id
          where p.status = 'published' and (p."publishedAt" at time zone 'Asia/Seoul')::date between $1::date and $2::date) as "recentWithViews"`,
      [addDays(today, -180), addDays(today, -1)],
    );
    expect(c).toMatchObject({ early: 0, drafts: 0 });
    // Papers published inside the window are read, from their first day.
    expect(c!.recent).toBeGreaterThan(0);
    expect(c!.recentWithViews).toBe(c!.recent);
  });

  it("counts downloads as a share of views, and only for papers with a file", async () => {
    const [c] = await query<{ overViews: number; withoutFile: number; views: number; downloads: number }>(
      demo.url,
      `select
         (select count(*)::int from "DailyStat" where downloads > views) as "overViews",
         (select count(*)::int from "DailyStat" d where d.downloads > 0
          and not exists (select 1 from "Attachment" a where a."publicationId" = d."publicationId")) as "withoutFile",
         (select sum(views)::int from "DailyStat") as views,
         (select sum(downloads)::int from "DailyStat") as downloads`,
    );
    expect(c).toMatchObject({ overViews: 0, withoutFile: 0 });
    expect(c!.downloads).toBeGreaterThan(0);
    expect(c!.downloads).toBeLessThan(c!.views / 2);
  });

  it("has fewer readers at weekends, and more for a paper's first weeks", async () => {
    const [week] = await query<{ weekday: number; weekend: number }>(
      demo.url,
      `select avg(views) filter (where extract(isodow from day) < 6)::float as weekday,
              avg(views) filter (where extract(isodow from day) >= 6)::float as weekend
       from (select day, sum(views) as views from "DailyStat" group by day) t`,
    );
    expect(week!.weekend).toBeLessThan(week!.weekday * 0.7);
    const [age] = await query<{ firstWeeks: number; later: number }>(
      demo.url,
      `select
         avg(views) filter (where day - (p."publishedAt" at time zone 'Asia/Seoul')::date < 21)::float as "firstWeeks",
         avg(views) filter (where day - (p."publishedAt" at time zone 'Asia/Seoul')::date >= 365)::float as later
       from "DailyStat" d join "Publication" p on p.id = d."publicationId"`,
    );
    expect(age!.later).toBeLessThan(age!.firstWeeks / 3);
  });

  it("keeps each paper's hit figure equal to carried-over hits plus the views the dashboard shows", async () => {
    const mismatched = await query<{ id: number }>(
      demo.url,
      `select p.id from "Publication" p
       left join (select "publicationId", sum(views)::int as views, sum(downloads)::int as downloads
                  from "DailyStat" group by 1) d on d."publicationId" = p.id
       where p."viewCount" <> coalesce(d.views, 0) or p."downloadCount" <> coalesce(d.downloads, 0)`,
    );
    expect(mismatched).toEqual([]);
    const [paper] = await query<{ baseHits: number; viewCount: number }>(
      demo.url,
      `select p."baseHits", p."viewCount" from "Publication" p join "Series" s on s.id = p."seriesId"
       where s.slug = 'ifans-perspectives' and p."reportNumber" = '2024-14E'`,
    );
    // The paper readers know keeps its carried-over hits and gains the history's views.
    expect(paper!.baseHits).toBe(16664);
    expect(paper!.viewCount).toBeGreaterThan(0);
  });

  it("writes the same numbers into another database seeded for the same day", async () => {
    const other = await createDatabase("perspectives_history_twin");
    databases.push(other);
    await seedDatabase({ databaseUrl: other.url, storageDir: path.join(storageDir, "twin"), today });
    const [mine, theirs] = [await historyRows(demo.url), await historyRows(other.url)];
    expect(mine.length).toBeGreaterThan(1000);
    expect(theirs).toEqual(mine);
    expect(await totals(other.url)).toEqual(await totals(demo.url));
  }, 300_000);

  it("does not add the history again when the seed runs again", async () => {
    const before = await totals(demo.url);
    const again = await seedDatabase({ databaseUrl: demo.url, storageDir: path.join(storageDir, "demo") });
    expect(again.created).toBe(0);
    expect(await totals(demo.url)).toEqual(before);
  }, 300_000);

  it("writes no history without demo data", async () => {
    const empty = await createDatabase("perspectives_history_none", { migrate: false });
    databases.push(empty);
    await prepareDatabase(empty.url, { storageDir: path.join(storageDir, "none"), demoData: false, log: () => undefined });
    const [c] = await query<{ days: number; publications: number }>(
      empty.url,
      `select (select count(*)::int from "DailyStat") as days, (select count(*)::int from "Publication") as publications`,
    );
    expect(c).toEqual({ days: 0, publications: 0 });
  }, 300_000);
});
