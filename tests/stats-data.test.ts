// The statistics data functions (lib/data/stats.ts) against known DailyStat rows.
import { describe, expect, it } from "vitest";
import {
  getBreakdownByLanguage,
  getBreakdownBySeries,
  getDailySeries,
  getPublicationStats,
  getTopPublications,
  getTotals,
} from "@/lib/data/stats";
import { db } from "@/lib/db";
import { KOREAN_TITLE, minus, RANGE, knownStatsRows } from "./support/stats-rows";

const seeded = knownStatsRows();

describe("statistics data", () => {
  it("totals the counted views and downloads inside the range only", async () => {
    expect(minus(await getTotals(RANGE), seeded.before.totals)).toEqual({ views: 1263, downloads: 16 });
  });

  it("gives every day of the range in order, zero-filled", async () => {
    const daily = await getDailySeries(RANGE);
    const added = daily.map((d, i) => ({ day: d.day, ...minus(d, seeded.before.daily[i]) }));
    const zero = (day: string) => ({ day, views: 0, downloads: 0 });
    expect(added).toEqual([
      { day: "1999-03-01", views: 5, downloads: 1 },
      zero("1999-03-02"),
      { day: "1999-03-03", views: 10, downloads: 6 },
      zero("1999-03-04"),
      { day: "1999-03-05", views: 1247, downloads: 9 },
      zero("1999-03-06"),
      zero("1999-03-07"),
      zero("1999-03-08"),
      zero("1999-03-09"),
      { day: "1999-03-10", views: 1, downloads: 0 },
    ]);
  });

  it("fills days across a year end and a one-day range", async () => {
    expect((await getDailySeries({ from: "1998-12-30", to: "1999-01-02" })).map((d) => d.day)).toEqual([
      "1998-12-30",
      "1998-12-31",
      "1999-01-01",
      "1999-01-02",
    ]);
    const oneDay = await getDailySeries({ from: "1999-03-04", to: "1999-03-04" });
    expect(oneDay).toEqual([(await getDailySeries(RANGE))[3]]);
    expect(oneDay[0]?.day).toBe("1999-03-04");
  });

  it("breaks the range down by series, busiest first, unused series as zeros", async () => {
    const { seriesA, seriesB, seriesC } = seeded;
    const mine = new Set([seriesA.id, seriesB.id, seriesC.id]);
    const rows = (await getBreakdownBySeries(RANGE)).filter((r) => mine.has(r.seriesId));
    const row = (s: typeof seriesA, views: number, downloads: number) => ({
      seriesId: s.id,
      nameKo: s.nameKo,
      nameEn: s.nameEn,
      views,
      downloads,
    });
    expect(rows).toEqual([row(seriesA, 1250, 7), row(seriesB, 13, 9), row(seriesC, 0, 0)]);
  });

  it("breaks the range down by publication language, Korean first", async () => {
    const rows = await getBreakdownByLanguage(RANGE);
    expect(rows.map((r) => r.language)).toEqual(["ko", "en"]);
    expect(rows.map((r, i) => ({ language: r.language, ...minus(r, seeded.before.language[i]) }))).toEqual([
      { language: "ko", views: 13, downloads: 3 },
      { language: "en", views: 1250, downloads: 13 },
    ]);
  });

  it("lists the most viewed publications, downloads breaking ties, unused ones left out", async () => {
    const { seriesA, seriesB, p1, p2, p3, p4 } = seeded;
    const mine = new Set([p1.id, p2.id, p3.id, p4.id]);
    const top = await getTopPublications(RANGE);
    const row = (p: typeof p1, series: typeof seriesA, views: number, downloads: number) => ({
      id: p.id,
      title: p.title,
      reportNumber: p.reportNumber,
      language: p.language,
      seriesNameKo: series.nameKo,
      seriesNameEn: series.nameEn,
      views,
      downloads,
    });
    expect(top.filter((r) => mine.has(r.id))).toEqual([
      row(p2, seriesA, 1237, 4),
      row(p3, seriesB, 13, 9),
      row(p1, seriesA, 13, 3),
    ]);
    expect(await getTopPublications(RANGE, 2)).toEqual(top.slice(0, 2));
  });

  it("gives one publication's days, totals, all-time totals and public hit figure", async () => {
    const { p1 } = seeded;
    const stats = await getPublicationStats(p1.id, RANGE);
    expect(stats).not.toBeNull();
    const zero = (day: string) => ({ day, views: 0, downloads: 0 });
    expect(stats?.daily).toEqual([
      { day: "1999-03-01", views: 5, downloads: 1 },
      zero("1999-03-02"),
      { day: "1999-03-03", views: 7, downloads: 2 },
      ...["04", "05", "06", "07", "08", "09"].map((d) => zero(`1999-03-${d}`)),
      { day: "1999-03-10", views: 1, downloads: 0 },
    ]);
    expect(stats?.totals).toEqual({ views: 13, downloads: 3 });
    expect(stats?.allTime).toEqual({ views: 163, downloads: 153 });
    expect(stats?.baseHits).toBe(100);
    // What readers see as "Hits": carried-over hits plus every counted view, on any day.
    const counted = await db.dailyStat.aggregate({ where: { publicationId: p1.id }, _sum: { views: true } });
    expect(stats?.publicHits).toBe(263);
    expect(stats?.publicHits).toBe(100 + (counted._sum.views ?? 0));
    expect(stats?.publication).toMatchObject({ id: p1.id, title: KOREAN_TITLE, language: "ko" });
  });

  it("gives a never-read publication zeros and its carried-over hits, and an unknown one nothing", async () => {
    const stats = await getPublicationStats(seeded.p4.id, RANGE);
    expect(stats?.daily).toHaveLength(10);
    expect(stats?.totals).toEqual({ views: 0, downloads: 0 });
    expect(stats?.publicHits).toBe(0);
    expect(await getPublicationStats(2_147_483_000, RANGE)).toBeNull();
  });
});
