// A search counts its papers one by one while it finds fewer than 2 × COUNT_CAP + 2
// documents (lib/data/search-slice.ts; a paper has up to two): past that the listing
// says "more than COUNT_CAP", its pages stop there, and a facet whose papers passed
// it offers its values without numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";
import { cteReads, ctesOf, explainAnalyzed, indexScans } from "./support/explain";

// Its own database: a thousand papers holding one word would slow every other file's searches.
const fresh = await createDatabase("perspectives_count_cap");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const { listPublications, PAGE_SIZE } = await import("@/lib/data/publications");
const { COUNT_CAP } = await import("@/lib/search/count-cap");
const { indexQueuedPapers } = await import("@/lib/data/search-index");
const { catalogueSliceSql } = await import("@/lib/data/catalogue-filter");
const { SCORED_PAST_CAP_PAGES } = await import("@/lib/data/search-slice");
const { createPublication, createSeries, uid } = await import("./support/factories");

afterAll(async () => {
  await endPools();
  await fresh.drop();
});

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
  // In every one of those papers' bodies, and in no title or summary.
  const bodyWord = "wallabyfen";
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
      body: `A note on the ${bodyWord}.`,
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

  it("reads past the cap only the tiers and documents the page can show, and the all-parts index once", async () => {
    // How many rows each part of the statement gave (EXPLAIN ANALYZE), by its CTE's name, how
    // many times the all-parts index was scanned and the listing's set read, and how many
    // catalogue entries were looked up.
    const rows = async (q: string, page: number, series?: string) => {
      const plan = await explainAnalyzed(db, catalogueSliceSql({ locale: "en", q, series }, page, PAGE_SIZE));
      const out = new Map([...ctesOf(plan)].map(([name, cte]) => [name, cte.rows]));
      out.set("every_idx scans", indexScans(plan, "SearchDocument_every_idx"));
      out.set("set_total reads", cteReads(plan, "set_total"));
      out.set("entries looked up", indexScans(plan, "CatalogueEntry_pkey"));
      return out;
    };
    const inTitles = await rows(word, 1);
    // The title matches alone hold more papers than the page: neither the summary matches nor the
    // listing's own documents are scored.
    expect(inTitles.get("tier_title")).toBe(2 * COUNT_CAP + 2);
    expect(inTitles.get("tier_head")).toBe(0);
    expect(inTitles.get("set_scored")).toBe(0);
    // The listing's documents alone pass the limit: their entries are never looked up, only the
    // title matches' (the code before looked up both, twice as many).
    expect(inTitles.get("docs_set_total")).toBe(2 * COUNT_CAP + 2);
    expect(inTitles.get("set_total")).toBe(0);
    expect(inTitles.get("entries looked up")).toBe(2 * COUNT_CAP + 2);
    // Once, for the listing's set: the report number's lookup (no paper has the word as its
    // number) tests its matches' own documents, and scanned the words' matches again before.
    expect(inTitles.get("every_idx scans")).toBe(1);
    // Never read: its documents told it is past the cap (within_cap). The code before read it once,
    // and before within_cap, once for the total, every tier and facet (9 to 13 times).
    expect(inTitles.get("set_total reads")).toBe(0);
    // A word in the bodies alone: the first pages rank the first documents they can show, and look
    // up only their entries; deeper pages all the listing read.
    const firstPages = 2 * SCORED_PAST_CAP_PAGES * PAGE_SIZE + 2;
    const inBodies = await rows(bodyWord, 1);
    expect(inBodies.get("set_scored")).toBe(firstPages);
    expect(inBodies.get("entries looked up")).toBe(firstPages);
    // Once, found empty, by the scored documents' read, which then reads on from its documents.
    expect(inBodies.get("set_total reads")).toBe(1);
    expect((await rows(bodyWord, SCORED_PAST_CAP_PAGES)).get("set_scored")).toBe(firstPages);
    expect((await rows(bodyWord, SCORED_PAST_CAP_PAGES + 1)).get("set_scored")).toBe(2 * COUNT_CAP + 2);
    // Within the cap, every document is scored.
    const within = await rows(word, 1, small.slug);
    expect(within.get("set_scored")).toBe(3);
    expect(within.get("set_total")).toBe(3);
    // The pages on either side of the pools' edge are full.
    const [before, after] = await Promise.all(
      [SCORED_PAST_CAP_PAGES, SCORED_PAST_CAP_PAGES + 1].map((page) => listPublications({ locale: "en", q: bodyWord }, page)),
    );
    expect(before!.items).toHaveLength(PAGE_SIZE);
    expect(after!.items).toHaveLength(PAGE_SIZE);
  });

  it("stops at the cap an operator sets (SEARCH_COUNT_CAP)", async () => {
    process.env.SEARCH_COUNT_CAP = "100";
    resetEnvCache();
    try {
      const result = await listPublications({ locale: "en", q: word }, 1);
      expect(result).toMatchObject({ moreThanTotal: true, total: 100, pageCount: Math.ceil(100 / PAGE_SIZE) });
      expect(result.items).toHaveLength(PAGE_SIZE);
      // Within that cap, as exact as before: the small series' three papers.
      const small3 = await listPublications({ locale: "en", q: word, series: small.slug }, 1);
      expect(small3).toMatchObject({ moreThanTotal: false, total: 3 });
    } finally {
      delete process.env.SEARCH_COUNT_CAP;
      resetEnvCache();
    }
    expect((await listPublications({ locale: "en", q: word }, 1)).total).toBe(COUNT_CAP);
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

// A set (the listing's own, or a facet's) is known to be past the cap, without reading its entries,
// when its documents alone pass the limit by more than the papers that could drop out
// (search-slice.ts): those not public now, and for a filtered set the queued ones, whose facts may
// be out of date.
describe("a set judged past the cap from its documents alone", () => {
  // A cap of 2: a set is read up to 6 documents.
  const CAP = 2;
  const LIMIT = 2 * CAP + 2;
  type Facet = { value: number | string; count: number }[] | null;
  const slice = async (q: string, filters: { series?: string; year?: number }) =>
    (
      await db.$queryRaw<{ total: number | null; series: Facet; years: Facet }[]>(
        catalogueSliceSql({ locale: "en", q, ...filters }, 1, PAGE_SIZE, { countCap: CAP }),
      )
    )[0]!;
  const wordOf = () => `numbat${uid().replace(/\d/g, "q")}`;
  /** English entries not public now, in the whole database: the slack the test must pass. */
  const hiddenNow = async () =>
    Number(
      (
        await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "CatalogueEntry"
          WHERE language = 'en' AND NOT coalesce("visibleFrom" <= now(), false)`
      )[0]!.n,
    );
  const at2024 = new Date(Date.UTC(2024, 5, 1));

  it("is past it when its documents pass the limit, and counts exactly when they do not", async () => {
    const series = await createSeries();
    const [many, few] = [wordOf(), wordOf()];
    for (let i = 0; i < LIMIT + (await hiddenNow()); i++)
      await createPublication({ seriesId: series.id, publishedAt: at2024, title: `The ${many} file ${i}` });
    for (let i = 0; i < 2; i++)
      await createPublication({ seriesId: series.id, publishedAt: at2024, title: `The ${few} file ${i}` });
    await indexQueuedPapers();
    // The series chosen, the year facet counts that series' papers of every year.
    expect((await slice(many, { series: series.slug, year: 2024 })).years).toBeNull();
    expect(await slice(few, { series: series.slug, year: 2024 })).toMatchObject({ total: 2, years: [{ value: 2024, count: 2 }] });
  });

  it("judges the listing's own set so without filters too, and counts exactly when twins in one language pass the limit", async () => {
    const [many, few] = [wordOf(), wordOf()];
    const series = await createSeries();
    for (let i = 0; i < LIMIT + (await hiddenNow()); i++)
      await createPublication({ seriesId: series.id, publishedAt: at2024, title: `The ${many} file ${i}` });
    await indexQueuedPapers();
    expect(await slice(many, {})).toMatchObject({ total: null, years: null, series: null });
    // Two English papers, and Korean twins of each other, which an English reader is never listed:
    // their documents alone pass the limit by more than the entries not public were before.
    for (let i = 0; i < 2; i++)
      await createPublication({ seriesId: series.id, publishedAt: at2024, title: `The ${few} file ${i}` });
    const pairs = Math.ceil((LIMIT - 2 + (await hiddenNow())) / 2);
    for (let i = 0; i < pairs; i++) {
      const one = await createPublication({ seriesId: series.id, language: "ko", publishedAt: at2024, title: `${few} ${i}` });
      await createPublication({
        seriesId: series.id,
        language: "ko",
        publishedAt: at2024,
        title: `${few} ${i}`,
        translationId: one.id,
      });
    }
    await indexQueuedPapers();
    expect(await slice(few, {})).toMatchObject({ total: 2, years: [{ value: 2024, count: 2 }] });
  });

  it("counts the papers public now when drafts and papers not yet due take its documents past the limit", async () => {
    const series = await createSeries();
    const word = wordOf();
    const title = (i: number) => `The ${word} file ${i}`;
    await createPublication({ seriesId: series.id, publishedAt: at2024, title: title(0) });
    await createPublication({ seriesId: series.id, publishedAt: at2024, title: title(1) });
    // Seven documents in all, more than the limit of six.
    for (let i = 2; i < 6; i++) await createPublication({ seriesId: series.id, status: "draft", title: title(i) });
    await createPublication({
      seriesId: series.id,
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
      title: title(6),
    });
    await indexQueuedPapers();
    // The year facet counts the series' papers of every year: two, not "past the cap".
    expect(await slice(word, { series: series.slug, year: 2024 })).toMatchObject({
      total: 2,
      years: [{ value: 2024, count: 2 }],
    });
  });

  it("counts the papers of a series when queued papers still carry its facts in their documents", async () => {
    const [stay, leave] = [await createSeries(), await createSeries()];
    const word = wordOf();
    // Past the limit by more than the papers not public now, so that only the queued ones can tip it.
    const moved = LIMIT + (await hiddenNow());
    const papers = [];
    for (let i = 0; i < moved + 2; i++)
      papers.push(await createPublication({ seriesId: stay.id, publishedAt: at2024, title: `The ${word} file ${i}` }));
    await indexQueuedPapers();
    // Moved to another series and queued, not yet indexed again: their documents still say `stay`.
    await db.publication.updateMany({ where: { id: { in: papers.slice(2).map((p) => p.id) } }, data: { seriesId: leave.id } });
    expect(await db.searchQueue.count()).toBe(moved);
    // The series chosen, the year facet counts that series' papers: the two that stayed.
    expect(await slice(word, { series: stay.slug, year: 2024 })).toMatchObject({ total: 2, years: [{ value: 2024, count: 2 }] });
    await indexQueuedPapers();
  });

  it("takes a chosen facet's set as past the cap, neither tested nor read, when the listing's own set is", async () => {
    const series = await createSeries();
    const word = wordOf();
    for (let i = 0; i < LIMIT + (await hiddenNow()) + 1; i++)
      await createPublication({ seriesId: series.id, publishedAt: at2024, title: `The ${word} file ${i}` });
    await indexQueuedPapers();
    // Each facet's set drops one filter of the listing's, so it holds the listing's papers and more.
    expect(await slice(word, { year: 2024 })).toMatchObject({ total: null, years: null, series: null });
    expect(await slice(word, { series: series.slug, year: 2024 })).toMatchObject({ total: null, years: null, series: null });
    // How many times each part of the statement ran (EXPLAIN ANALYZE), by its CTE's name.
    const runs = async (filters: { series?: string; year?: number }) => {
      const plan = await explainAnalyzed(
        db,
        catalogueSliceSql({ locale: "en", q: word, ...filters }, 1, PAGE_SIZE, { countCap: CAP }),
      );
      return new Map([...ctesOf(plan)].map(([name, cte]) => [name, cte.loops]));
    };
    const yearOnly = await runs({ year: 2024 });
    expect(yearOnly.get("set_total")).toBeGreaterThan(0);
    expect(yearOnly.get("set_year")).toBe(0);
    const both = await runs({ series: series.slug, year: 2024 });
    for (const part of ["past_set_series", "past_set_year", "set_series", "set_year"]) expect(both.get(part), part).toBe(0);
    // Within the cap, the facets' sets are tested and read as before.
    const few = wordOf();
    await createPublication({ seriesId: series.id, publishedAt: at2024, title: `The ${few} file` });
    await indexQueuedPapers();
    expect(await slice(few, { series: series.slug, year: 2024 })).toMatchObject({
      total: 1,
      years: [{ value: 2024, count: 1 }],
      series: [{ value: series.slug, count: 1 }],
    });
  });
});
