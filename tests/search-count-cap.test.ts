// A search counts its papers one by one while it finds fewer than 2 × COUNT_CAP + 2
// documents (lib/data/search-slice.ts; a paper has up to two): past that the listing
// says "more than COUNT_CAP", its pages stop there, and a facet whose papers passed
// it offers its values without numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: a thousand papers holding one word would slow every other file's searches.
const fresh = await createDatabase("perspectives_count_cap");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const { listPublications, PAGE_SIZE } = await import("@/lib/data/publications");
const { COUNT_CAP } = await import("@/lib/data/search-slice");
const { indexQueuedPapers } = await import("@/lib/data/search-index");
const { createSeries } = await import("./support/factories");

const TOTAL = 2 * COUNT_CAP + 3;
const THROUGH_TWINS = 5;
const twinPaper = (seriesId: number, i: number) => ({
  seriesId,
  reportNumber: `2025-${i}`,
  status: "published" as const,
  publishedAt: new Date(Date.UTC(2025, 5, 1)),
});

describe("a search past the count's cap", () => {
  const word = "quokkaland";
  let small: { id: number; slug: string };

  beforeAll(async () => {
    const big = await createSeries();
    small = await createSeries();
    // 2 × COUNT_CAP + 3 papers hold the word: three of them in the small series, and two years.
    const papers = Array.from({ length: TOTAL }, (_, i) => ({
      seriesId: i < 3 ? small.id : big.id,
      reportNumber: `2024-${i + 1}`,
      language: "en" as const,
      title: `The ${word} report, part ${i + 1}`,
      status: "published" as const,
      publishedAt: new Date(Date.UTC(i % 2 ? 2023 : 2024, 5, 1)),
    }));
    await db.publication.createMany({ data: papers });
    // The newest papers of all, found through their Korean versions, which hold the word; some
    // hold it themselves too.
    for (let i = 1; i <= THROUGH_TWINS; i++) {
      const korean = await db.publication.create({
        data: { ...twinPaper(big.id, i), language: "ko", title: `${word} 보고서 ${i}` },
      });
      await db.publication.create({
        data: {
          ...twinPaper(big.id, i),
          language: "en",
          title: `Harbour notes ${i}${i % 2 ? ` ${word}` : ""}`,
          translationId: korean.id,
        },
      });
    }
    await indexQueuedPapers();
  }, 120_000);
  afterAll(async () => {
    await endPools();
    await fresh.drop();
  });

  it("says more than the cap, stops its pages there, and lists the years and series without numbers", async () => {
    const result = await listPublications({ locale: "en", q: word }, 1);
    expect(result.moreThanTotal).toBe(true);
    expect(result.total).toBe(COUNT_CAP);
    expect(result.pageCount).toBe(Math.ceil(COUNT_CAP / PAGE_SIZE));
    expect(result.items).toHaveLength(PAGE_SIZE);
    expect(result.facets.series).toBeNull();
    expect(result.facets.topics).toBeNull();
    // The years are the catalogue's, offered without a count.
    expect(result.facets.years).toEqual([
      { value: "2025", count: null },
      { value: "2024", count: null },
      { value: "2023", count: null },
    ]);
    // The last page is full; none of its papers is on the first.
    const last = await listPublications({ locale: "en", q: word }, result.pageCount);
    expect(last.items).toHaveLength(PAGE_SIZE);
    expect(last.items.some((p) => result.items.some((q) => q.id === p.id))).toBe(false);
  });

  it("counts exactly what is within the cap: a small series, and the years within it", async () => {
    const result = await listPublications({ locale: "en", q: word, series: small.slug }, 1);
    expect(result.moreThanTotal).toBe(false);
    expect(result.total).toBe(3);
    expect(result.items).toHaveLength(3);
    expect(result.facets.years).toEqual([
      { value: "2024", count: 2 },
      { value: "2023", count: 1 },
    ]);
    // The series facet counts every series, ignoring the chosen one: past the cap, no numbers.
    expect(result.facets.series).toBeNull();
    // Newest first, the same counts.
    const newest = await listPublications({ locale: "en", q: word, series: small.slug, sort: "newest" }, 1);
    const mine = await db.publication.findMany({
      where: { seriesId: small.id },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    });
    expect(newest.items.map((p) => p.id)).toEqual(mine.map((p) => p.id));
    expect({ ...newest.facets, total: newest.total }).toEqual({ ...result.facets, total: 3 });
  });

  it("lists newest first past the cap, each paper once, however it matched, and counts as by relevance", async () => {
    // Every paper an English reader finds, newest first: its own version holds the word, or its Korean one.
    const listed = await db.$queryRaw<{ id: number }[]>`
      SELECT p.id FROM "Publication" p
      WHERE p.language = 'en' AND (p.title LIKE ${`%${word}%`} OR p."translationId" IS NOT NULL)
      ORDER BY p."publishedAt" DESC, p.id DESC`;
    expect(listed).toHaveLength(TOTAL + THROUGH_TWINS);
    const byRelevance = await listPublications({ locale: "en", q: word }, 1);
    for (const page of [1, 2, byRelevance.pageCount]) {
      const newest = await listPublications({ locale: "en", q: word, sort: "newest" }, page);
      expect(newest.items.map((p) => p.id)).toEqual(listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.id));
      expect(newest).toMatchObject({ moreThanTotal: true, total: COUNT_CAP, pageCount: byRelevance.pageCount });
      expect(newest.facets).toEqual(byRelevance.facets);
    }
  });
});
