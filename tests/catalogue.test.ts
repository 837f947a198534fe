import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSeriesNeighbours, listPublications, listRelatedPublications, getPublicPublication } from "@/lib/data/publications";
import { indexEveryQueuedPaper } from "./support/search-index";
import { parseListingQuery } from "@/lib/validations/publications";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";

describe("the catalogue", () => {
  const tag = uid();
  // The tag in Hangul syllables: a unique search with no letters that have case.
  const hangulTag = [...tag].map((c) => String.fromCharCode(0xac00 + c.charCodeAt(0))).join("");
  let seriesA: { id: number; slug: string };
  let seriesB: { id: number; slug: string };
  let author: { id: number };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    seriesA = await createSeries();
    seriesB = await createSeries();
    author = await createAuthor({ nameEn: `KIM Search${tag}`, nameKo: `김검색${tag}${hangulTag}` });
    const topic = await db.topic.create({ data: { slug: `topic-${tag}`, nameKo: "주제", nameEn: "Topic" } });
    const at = (iso: string) => new Date(iso);
    const make = async (key: string, input: Parameters<typeof createPublication>[0]) => {
      ids[key] = (await createPublication({ title: `${key} ${tag}`, ...input })).id;
    };
    await make("a2023", { seriesId: seriesA.id, publishedAt: at("2023-12-31T15:30:00Z"), authorIds: [author.id] }); // 2024-01-01 in Seoul
    await make("a2024", { seriesId: seriesA.id, publishedAt: at("2024-05-01T00:00:00Z"), summary: `100% literal_${tag}` });
    await make("b2024", { seriesId: seriesB.id, publishedAt: at("2024-06-01T00:00:00Z"), summary: `Greek ωψ in ${tag}` });
    await make("draft", { seriesId: seriesA.id, status: "draft" });
    await make("future", { seriesId: seriesA.id, status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    await make("due", { seriesId: seriesA.id, status: "scheduled", publishedAt: at("2024-07-01T00:00:00Z") });
    // A Korean twin hides its English original from Korean readers and vice versa.
    await make("ko", { seriesId: seriesB.id, language: "ko", publishedAt: at("2024-08-01T00:00:00Z") });
    await make("en", { seriesId: seriesB.id, language: "en", publishedAt: at("2024-08-01T00:00:00Z"), translationId: ids.ko });
    await db.publicationTopic.createMany({
      data: [ids.a2024!, ids.b2024!].map((publicationId) => ({ publicationId, topicId: topic.id })),
    });
    await indexEveryQueuedPaper();
  });

  const titles = async (q: Record<string, string>, locale: "ko" | "en" = "en") => {
    // Newest first: these tests are about filters and order by date (relevance is tests/search-relevance.test.ts).
    const { query } = parseListingQuery({ q: tag, sort: "newest", ...q });
    const result = await listPublications({ ...query, locale }, query.page);
    return result.items.map((i) => i.title.replace(` ${tag}`, ""));
  };

  it("lists public papers newest first, never drafts or papers scheduled for later", async () => {
    expect(await titles({})).toEqual(["en", "due", "b2024", "a2024", "a2023"]);
  });

  it("shows each paper once, in the reader's language when a version exists", async () => {
    expect(await titles({}, "ko")).toEqual(["ko", "due", "b2024", "a2024", "a2023"]);
  });

  it("filters by series, year on the institution's calendar, topic and author", async () => {
    expect(await titles({ series: seriesA.slug })).toEqual(["due", "a2024", "a2023"]);
    expect(await titles({ year: "2024", series: seriesA.slug })).toEqual(["due", "a2024", "a2023"]);
    expect(await titles({ year: "2023" })).toEqual([]);
    expect(await titles({ topic: `topic-${tag}` })).toEqual(["b2024", "a2024"]);
    expect(await titles({ q: "", author: String(author.id) })).toEqual(["a2023"]);
  });

  it("searches titles, summaries and author names; punctuation is never query syntax", async () => {
    expect(await titles({ q: `literal_${tag}` })).toEqual(["a2024"]);
    expect(await titles({ q: `100% literal ${tag}` })).toEqual(["a2024"]);
    // Every word must be there: one from nowhere finds nothing.
    expect(await titles({ q: `literal ${tag} nowhere${tag}` })).toEqual([]);
    // tsquery operators, quotes and backslashes are text like any other; with no word left, nothing matches.
    expect(await titles({ q: `'&|!:*()\\<-> ${tag}` })).toEqual(["en", "due", "b2024", "a2024", "a2023"]);
    expect(await titles({ q: `'&|!:*()\\<->` })).toEqual([]);
    expect(await titles({ q: `김검색${tag}` })).toEqual(["a2023"]);
    expect(await titles({ q: `검색${tag}` })).toEqual(["a2023"]);
    expect(await titles({ q: hangulTag.slice(1) })).toEqual(["a2023"]); // Korean only: inside a name, too
  });

  it("finds two-syllable Korean words, two-letter words and words in any case", async () => {
    expect(await titles({ q: hangulTag.slice(1, 3) })).toEqual(["a2023"]);
    expect(await titles({ q: "ΩΨ" })).toEqual(["b2024"]);
    expect(await titles({ q: "ωψ" })).toEqual(["b2024"]);
    expect(await titles({ q: `kim SEARCH${tag}` })).toEqual(["a2023"]); // Latin letters in any case
  });

  it("counts each series and year as choosing it would show", async () => {
    const { query } = parseListingQuery({ q: tag, series: seriesA.slug });
    const { facets } = await listPublications({ ...query, locale: "en" }, query.page);
    expect(facets.series?.get(seriesA.slug)).toBe(3);
    expect(facets.series?.get(seriesB.slug)).toBe(2); // the series facet ignores the chosen series
    expect(facets.years).toEqual([{ value: "2024", count: 3 }]);
  });

  it("counts each topic as choosing it would show, with the search and the other filters", async () => {
    const topicSlug = `topic-${tag}`;
    const chosen = parseListingQuery({ q: tag, topic: topicSlug }).query;
    const withTopic = await listPublications({ ...chosen, locale: "en" }, 1);
    expect(withTopic.total).toBe(2);
    expect(withTopic.facets.topics?.get(topicSlug)).toBe(2);
    // The year and series facets count within the chosen topic.
    expect(withTopic.facets.years).toEqual([{ value: "2024", count: 2 }]);
    const inSeriesA = parseListingQuery({ q: tag, series: seriesA.slug }).query;
    expect((await listPublications({ ...inSeriesA, locale: "en" }, 1)).facets.topics?.get(topicSlug)).toBe(1);
  });

  it("ignores bad query values instead of failing", () => {
    const { query, problems } = parseListingQuery({
      page: "-3",
      year: "abc",
      series: "../x",
      author: "1e99",
      q: "x".repeat(5000),
    });
    expect(query).toEqual({ page: 1 });
    expect(problems).toEqual(["searchTooLong"]);
    expect(parseListingQuery({ page: ["2", "9"], year: "2024" }).query).toEqual({ page: 2, year: 2024 });
  });

  it("finds the previous and next paper in the series, and related papers", async () => {
    const paper = await getPublicPublication(ids.a2024!);
    expect(paper).not.toBeNull();
    const { previous, next } = await getSeriesNeighbours(paper!);
    expect(previous?.id).toBe(ids.a2023);
    expect(next?.id).toBe(ids.due);
    const related = await listRelatedPublications(paper!);
    expect(related.map((r) => r.id)).toContain(ids.b2024); // shares the topic
    expect(related.map((r) => r.id)).not.toContain(ids.a2024);
  });

  it("gives null for drafts and papers not yet due", async () => {
    expect(await getPublicPublication(ids.draft!)).toBeNull();
    expect(await getPublicPublication(ids.future!)).toBeNull();
    expect((await getPublicPublication(ids.en!))?.twin?.id).toBe(ids.ko);
    expect((await getPublicPublication(ids.ko!))?.twin?.id).toBe(ids.en);
  });
});

describe("the database connections", () => {
  it("run without PostgreSQL's JIT compiler, whose compile time a page's query never earns back", async () => {
    const [row] = await db.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS jit`;
    expect(row?.jit).toBe("off");
  });
});
