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
    // Newest first lists and counts every match, however many.
    const newest = await listPublications({ locale: "en", q: word, sort: "newest" }, 1);
    expect(newest.moreThanTotal).toBe(false);
    expect(newest.total).toBe(TOTAL);
    expect(newest.facets.series?.get(small.slug)).toBe(3);
  });
});
