// A search scores the title and summary of every match, but tests the body
// and the PDFs only for matches that can still reach the page asked for
// (lib/data/search-ranking.ts). These pages of a broad search must come out
// exactly as scoring every match in full would order them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { catalogueSliceSql } from "@/lib/data/catalogue-filter";
import { inRowScoreSql } from "@/lib/data/search-ranking";
import { searchPlan } from "@/lib/search/query";
import { listPublications, PAGE_SIZE } from "@/lib/data/publications";
import { explainAnalyzed, type PlanNode } from "./support/explain";
import { indexEveryQueuedPaper } from "./support/search-index";
import { createPublication, createSeries, uid } from "./support/factories";

type Paper = { id: number; score: number; publishedAt: Date };

/** A PDF attached to the paper whose extracted text holds `word`. */
function attachPdfHolding(publicationId: number, word: string) {
  return db.attachment.create({
    data: {
      publicationId,
      fileName: "paper.pdf",
      byteSize: 1,
      sha256: "c".repeat(64),
      mediaType: "application/pdf",
      storageKey: `ranking/${uid()}`,
      extractedText: `Annex on the ${word} question.`,
    },
  });
}

/**
 * How many times the statement read the search table for the words' set of the body (the loops of
 * its plan's nodes on that table or its indexes under the CTE body_words): what settling a page
 * from its front saves. (On a large table that is a scan of the body's index; on the tests' small
 * one the planner may read the table itself.)
 */
async function wordScans(sql: Prisma.Sql): Promise<number> {
  const readsTable = (n: PlanNode) => n["Relation Name"] === "SearchDocument" || n["Index Name"]?.startsWith("SearchDocument");
  const loops = (n: PlanNode, inside: boolean): number => {
    const within = inside || n["Subplan Name"] === "CTE body_words";
    const own = within && readsTable(n) ? n["Actual Loops"] : 0;
    return own + (n.Plans ?? []).reduce((a, c) => a + loops(c, within), 0);
  };
  return loops(await explainAnalyzed(db, sql), false);
}

/** `count` papers made one after another, their ids in that order. */
async function papersMade(count: number, paper: (i: number) => Parameters<typeof createPublication>[0]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await createPublication(paper(i))).id);
  return ids;
}

/** A search's page on /en, past READ_VECTORS_UP_TO from the first candidate, settled from its front if it can be (null: never; undefined: FRONT_BEYOND_PAGE). */
const frontSlice = (q: string, page: number, frontBeyondPage: number | null | undefined) =>
  catalogueSliceSql({ locale: "en", q }, page, PAGE_SIZE, { readVectorsUpTo: 0, frontBeyondPage });
const pageIds = async (sql: Prisma.Sql) => (await db.$queryRaw<{ ids: number[] }[]>(sql))[0]!.ids;

describe("ranking a broad search page by page", () => {
  // A word no other test uses, letters only (its stem is itself).
  const word = `zyx${uid().replace(/\d/g, "q")}`;
  const papers: Paper[] = [];

  beforeAll(async () => {
    const seriesId = (await createSeries()).id;
    // Where the word is: 24 titles (more than a page, so the page's bar is a title score), 6 summaries,
    // 14 bodies and 6 PDFs only; within the title and summary groups, some bodies and PDFs hold it too.
    const shapes = [
      ...Array.from({ length: 24 }, (_, i) => ({ title: true, summary: false, body: i % 3 === 0, pdf: i % 4 === 0 })),
      ...Array.from({ length: 6 }, (_, i) => ({ title: false, summary: true, body: i % 2 === 0, pdf: i % 3 === 0 })),
      ...Array.from({ length: 14 }, (_, i) => ({ title: false, summary: false, body: true, pdf: i % 2 === 0 })),
      ...Array.from({ length: 6 }, () => ({ title: false, summary: false, body: false, pdf: true })),
    ];
    for (const [i, shape] of shapes.entries()) {
      const publishedAt = new Date(Date.UTC(2020, 0, 1 + ((i * 17) % 50)));
      const p = await createPublication({
        seriesId,
        publishedAt,
        title: shape.title ? `The ${word} question, part ${i}` : `Another matter, part ${i}`,
        summary: shape.summary ? `On the ${word} question.` : "On other things.",
        body: shape.body ? `## One\n\nThe ${word} question returns.` : "## One\n\nNothing of note.",
      });
      if (shape.pdf) await attachPdfHolding(p.id, word);
      // The score the ranking documents: title 100 plus 3 for the one word in it, summary 20, body 4, PDF 1.
      const score = (shape.title ? 103 : 0) + (shape.summary ? 20 : 0) + (shape.body ? 4 : 0) + (shape.pdf ? 1 : 0);
      papers.push({ id: p.id, score, publishedAt });
    }
    await indexEveryQueuedPaper();
  });

  it("orders every page as the full score would, best first, newest first among equals", async () => {
    const expected = [...papers]
      .sort((a, b) => b.score - a.score || b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id)
      .map((p) => p.id);
    const pages: number[] = [];
    for (let page = 1; page <= Math.ceil(papers.length / PAGE_SIZE); page++) {
      const result = await listPublications({ locale: "en", q: word }, page);
      expect(result.total).toBe(papers.length);
      pages.push(...result.items.map((i) => i.id));
    }
    expect(pages).toEqual(expected);
    // Past READ_VECTORS_UP_TO candidates the front's vectors are read, or the body and PDF indexes
    // scanned (frontBeyondPage null, as for a filtered search): the same pages.
    for (const frontBeyondPage of [undefined, 0, null]) {
      const other: number[] = [];
      for (let page = 1; page <= Math.ceil(papers.length / PAGE_SIZE); page++)
        other.push(...(await pageIds(frontSlice(word, page, frontBeyondPage))));
      expect(other).toEqual(expected);
    }
  });

  it("past the count's cap, says more and lists the exact ranking's first pages while title and summary matches fill them", async () => {
    const expected = [...papers]
      .sort((a, b) => b.score - a.score || b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id)
      .map((p) => p.id);
    type Row = {
      total: number | null;
      ids: number[];
      series: unknown[] | null;
      years: unknown[] | null;
      topics: unknown[] | null;
    };
    const slice = async (countCap: number, page: number) =>
      (await db.$queryRaw<Row[]>(catalogueSliceSql({ locale: "en", q: word }, page, PAGE_SIZE, { countCap })))[0]!;
    // Up to 2 × the cap + 2 documents are read: 50 papers, one document each, pass a cap of 24 and not one of 25.
    expect((await slice(25, 1)).total).toBe(papers.length);
    const over = await slice(24, 1);
    expect(over.total).toBeNull();
    expect([over.series, over.years, over.topics]).toEqual([null, null, null]);
    // A cap of 11: the listing's count reads the first 24 documents found, and each of the title
    // and the summary matches up to 24 more: all 30 are ranked, so the first page and the first ten
    // of the second are the exact ranking's.
    const [first, second] = [await slice(11, 1), await slice(11, 2)];
    expect(first.total).toBeNull();
    expect(first.ids).toEqual(expected.slice(0, PAGE_SIZE));
    expect(second.ids.slice(0, 30 - PAGE_SIZE)).toEqual(expected.slice(PAGE_SIZE, 30));
    // The rest of the second page: matches in the body or PDFs alone, from those found first, none twice.
    const bodyOrPdfOnly = new Set(expected.slice(30));
    expect(second.ids.slice(30 - PAGE_SIZE).every((id) => bodyOrPdfOnly.has(id))).toBe(true);
    expect(new Set([...first.ids, ...second.ids]).size).toBe(first.ids.length + second.ids.length);
  });

  it("past the cap, ranks first the paper whose report number after its series' prefix is the query", async () => {
    const [prefix, number] = [`pfx${uid().replace(/\d/g, "q")}`, `nmb${uid().replace(/\d/g, "q")}`];
    const series = await createSeries({ reportPrefix: prefix.toUpperCase() });
    // 30 papers hold both words in their bodies; the numbered one, made last, holds the prefix's word in
    // its body and the number in its title (a title holds its report number), never both in one part.
    for (let i = 0; i < 30; i++)
      await createPublication({ seriesId: series.id, body: `## One\n\nOn ${prefix} and ${number}, part ${i}.` });
    const numbered = await createPublication({
      seriesId: series.id,
      reportNumber: number.toUpperCase(),
      title: "A numbered paper",
      body: `## One\n\nUnder ${prefix}.`,
      publishedAt: new Date("2001-01-01T00:00:00Z"),
    });
    await indexEveryQueuedPaper();
    const q = `${prefix} ${number}`;
    // Past a cap of 5 the listing's set reads the first 12 documents found: not the numbered one.
    const [row] = await db.$queryRaw<{ total: number | null; ids: number[] }[]>(
      catalogueSliceSql({ locale: "en", q }, 1, PAGE_SIZE, { countCap: 5 }),
    );
    expect(row!.total).toBeNull();
    expect(row!.ids[0]).toBe(numbered.id);
    // Within the cap, as ever.
    expect((await listPublications({ locale: "en", q }, 1)).items[0]!.id).toBe(numbered.id);
  });

  it("scores a paper listed for both its versions by the better one, each version with its own body", async () => {
    const other = `qvw${uid().replace(/\d/g, "q")}`;
    const seriesId = (await createSeries()).id;
    // Title and body: 103 + 4.
    const both = await createPublication({
      seriesId,
      publishedAt: new Date("2020-01-01T00:00:00Z"),
      title: `The ${other} question`,
      body: `## One\n\nThe ${other} question returns.`,
    });
    // Its body alone (4); its Korean version's title (103). Newer than the other paper: a version's
    // title score added to the other version's body (107) would tie, and put it first.
    const korean = await createPublication({
      seriesId,
      language: "ko",
      title: `${other} 문제`,
      publishedAt: new Date("2021-01-01T00:00:00Z"),
    });
    const twinned = await createPublication({
      seriesId,
      publishedAt: new Date("2021-01-01T00:00:00Z"),
      title: "Another matter",
      body: `## One\n\nThe ${other} question returns.`,
      translationId: korean.id,
    });
    await indexEveryQueuedPaper();
    const listed = await listPublications({ locale: "en", q: other }, 1);
    expect(listed.items.map((i) => i.id)).toEqual([both.id, twinned.id]);
  });

  it("adds a twin's own body and PDF to its score, not the listed version's, reading vectors or scanning indexes", async () => {
    const word = `pnm${uid().replace(/\d/g, "q")}`;
    const seriesId = (await createSeries()).id;
    // Listed on /en by its English version, which holds the word in a PDF only (1); its Korean version
    // holds it in the body (4), so the paper scores 4. Newest of the papers scoring 4: first.
    const korean = await createPublication({
      seriesId,
      language: "ko",
      title: "다른 문제",
      body: `## 하나\n\n${word} 문제가 다시 나온다.`,
      publishedAt: new Date("2022-01-01T00:00:00Z"),
    });
    const twinned = await createPublication({
      seriesId,
      title: "Another matter",
      publishedAt: new Date("2022-01-01T00:00:00Z"),
      translationId: korean.id,
    });
    await attachPdfHolding(twinned.id, word);
    // Its own body (4), older.
    const older = await createPublication({
      seriesId,
      title: "A third matter",
      body: `## One\n\nThe ${word} question returns.`,
      publishedAt: new Date("2021-01-01T00:00:00Z"),
    });
    // A PDF alone (1), newest of all: last, though the twinned paper's English version alone would tie with it.
    const newest = await createPublication({ seriesId, title: "A fourth matter", publishedAt: new Date("2023-01-01T00:00:00Z") });
    await attachPdfHolding(newest.id, word);
    await indexEveryQueuedPaper();

    const expected = [twinned.id, older.id, newest.id];
    expect((await listPublications({ locale: "en", q: word }, 1)).items.map((i) => i.id)).toEqual(expected);
    const [scanned] = await db.$queryRaw<{ ids: number[] }[]>(
      catalogueSliceSql({ locale: "en", q: word }, 1, PAGE_SIZE, { readVectorsUpTo: 0 }),
    );
    expect(scanned!.ids).toEqual(expected);
  });

  it("settles a page from its best candidates' own vectors when no other can reach it, and scans the indexes when one can", async () => {
    const word = `kjh${uid().replace(/\d/g, "q")}`;
    const seriesId = (await createSeries()).id;
    // 30 papers with the word in the title (in-row 103), a day apart; all but the three newest hold it
    // in the body and a PDF too (108). Those three rank last on the first page's ranking by full score.
    const byDate: number[] = [];
    for (let i = 0; i < 30; i++) {
      const lacking = i >= 27;
      const p = await createPublication({
        seriesId,
        title: `The ${word} file ${i}`,
        body: lacking ? "## One\n\nNothing of note." : `## One\n\nThe ${word} file again.`,
        publishedAt: new Date(Date.UTC(2019, 0, 1 + i)),
      });
      if (!lacking) await attachPdfHolding(p.id, word);
      byDate.push(p.id);
    }
    await indexEveryQueuedPaper();
    const newestFirst = [...byDate].reverse();
    const expected = [...newestFirst.slice(3), ...newestFirst.slice(0, 3)];
    const slice = (page: number, frontBeyondPage: number | null) => frontSlice(word, page, frontBeyondPage);
    for (const page of [1, 2]) {
      const want = expected.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      // The scans, as before.
      expect(await pageIds(slice(page, null))).toEqual(want);
      expect(await wordScans(slice(page, null))).toBeGreaterThan(0);
    }
    // The front of the first page, its 20 best and 5 more (the 25 newest), holds 22 that score 108:
    // the 23rd and later cannot pass the 20th of them (108, and newer). Settled: the words' set is not read.
    expect(await pageIds(slice(1, 5))).toEqual(expected.slice(0, PAGE_SIZE));
    expect(await wordScans(slice(1, 5))).toBe(0);
    // With 2 more, the 22 newest: 19 score 108, so the page's last is one of the three at 103, and the
    // 23rd newest (108) could pass it. Not settled: the indexes are scanned, the page is the same.
    expect(await pageIds(slice(1, 2))).toEqual(expected.slice(0, PAGE_SIZE));
    expect(await wordScans(slice(1, 2))).toBeGreaterThan(0);
    // The second page's front holds all 30 candidates: settled.
    expect(await pageIds(slice(2, 15))).toEqual(expected.slice(PAGE_SIZE));
    expect(await wordScans(slice(2, 15))).toBe(0);
  });

  it("settles a page of several words from the papers that hold them as a phrase, whatever their date", async () => {
    const [a, b] = [`qzx${uid().replace(/\d/g, "q")}`, `vbn${uid().replace(/\d/g, "q")}`];
    const seriesId = (await createSeries()).id;
    // No title holds the words (in-row score 0). 22 older papers hold them as a phrase in the body (4),
    // 20 newer ones apart (2). Newest first, the front would be the scattered ones and could not settle;
    // by what each can reach (the phrase's set says 4, else 2), it is the 22 and three more.
    const phrased = await papersMade(22, (i) => ({
      seriesId,
      title: `Notes ${i}`,
      body: `## One\n\nThe ${a} ${b} affair.`,
      publishedAt: new Date(Date.UTC(2018, 0, 1 + i)),
    }));
    const apart = await papersMade(20, (i) => ({
      seriesId,
      title: `Records ${i}`,
      body: `## One\n\nFirst ${a} came up, and much later ${b}.`,
      publishedAt: new Date(Date.UTC(2020, 0, 1 + i)),
    }));
    await indexEveryQueuedPaper();
    const expected = [...[...phrased].reverse(), ...[...apart].reverse()];
    const slice = (page: number, frontBeyondPage: number | null) => frontSlice(`${a} ${b}`, page, frontBeyondPage);
    expect(await pageIds(slice(1, null))).toEqual(expected.slice(0, PAGE_SIZE));
    expect(await pageIds(slice(1, 5))).toEqual(expected.slice(0, PAGE_SIZE));
    expect(await wordScans(slice(1, 5))).toBe(0);
    // The second page's front (all 42): settled; the same as the scans give.
    expect(await pageIds(slice(2, null))).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(await pageIds(slice(2, 15))).toEqual(expected.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    expect(await wordScans(slice(2, 15))).toBe(0);
  });

  it("tests the body of a match whose in-row score is just under the page's bar", async () => {
    const [a, b] = [`wvu${uid().replace(/\d/g, "q")}`, `tsr${uid().replace(/\d/g, "q")}`];
    const seriesId = (await createSeries()).id;
    // 25 papers hold the first word in the title and the second in the body: in-row score 1.5, no more.
    // 10 hold both as a phrase in the body only: in-row score 0, but 4 in full. They must come first.
    const titled = await papersMade(25, (i) => ({
      seriesId,
      title: `${a} notes ${i}`,
      body: `Later, ${b} came up.`,
      publishedAt: new Date(Date.UTC(2021, 0, 1 + i)),
    }));
    const phrased = await papersMade(10, (i) => ({
      seriesId,
      title: `Notes ${i}`,
      body: `The ${a} ${b} affair.`,
      publishedAt: new Date(Date.UTC(2020, 0, 1 + i)),
    }));
    await indexEveryQueuedPaper();
    const first = await listPublications({ locale: "en", q: `${a} ${b}` }, 1);
    expect(first.total).toBe(35);
    expect(first.items.slice(0, 10).map((i) => i.id)).toEqual([...phrased].reverse());
    expect(first.items.slice(10).map((i) => i.id)).toEqual([...titled].reverse().slice(0, PAGE_SIZE - 10));
  });
});

// A document's in-row score (lib/data/search-ranking.ts: inRowScoreSql): the points the ranking
// documents, part by part, for a two-word query.
describe("a document's in-row score", () => {
  const [alpha, beta] = [`zqa${uid()}`, `zqb${uid()}`].map((w) => w.replace(/\d/g, "q"));
  const q = `${alpha} ${beta}`;
  const expected: Record<string, number> = {
    // Title: 100 for the phrase, 50 for both words, plus 3 × the share of the words it holds.
    [`The ${alpha} ${beta} report`]: 103,
    [`The ${beta} and ${alpha} report`]: 53,
    [`The ${alpha} report`]: 1.5,
    // Head (the summary here): 20 for the phrase, 10 for both words, nothing for one.
    "summary: phrase": 20,
    "summary: both": 10,
    "summary: one": 0,
    // The exact title: 1000 more.
    [q]: 1000 + 103,
    neither: 0,
  };
  const summaries: Record<string, string> = {
    "summary: phrase": `On the ${alpha} ${beta} question.`,
    "summary: both": `On ${beta}, and then on ${alpha}.`,
    "summary: one": `On ${alpha} alone.`,
    neither: `On other things, with ${alpha} in the body.`,
  };

  it("gives each part's points, and none to a part that holds no word", async () => {
    const seriesId = (await createSeries()).id;
    const ids = new Map<number, string>();
    for (const key of Object.keys(expected)) {
      const title = key in summaries ? `Paper ${uid()}` : key;
      const p = await createPublication({ seriesId, title, summary: summaries[key] ?? "", body: `${alpha} ${beta}` });
      ids.set(p.id, key);
    }
    await indexEveryQueuedPaper();
    const plan = searchPlan(q)!;
    const rows = await db.$queryRaw<{ id: number; score: number }[]>`
      SELECT d."publicationId" AS id, ${inRowScoreSql(plan)} AS score FROM "SearchScoring" d
      WHERE d."publicationId" = ANY(${[...ids.keys()]}::int[])`;
    expect(Object.fromEntries(rows.map((r) => [ids.get(r.id)!, r.score]))).toEqual(expected);
  });
});
