// The search index keeps itself current: triggers queue every paper whose
// searchable text changed, by whatever path, and the indexer takes the queue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: the tests count the whole queue.
const fresh = await createDatabase("perspectives_search_index");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, pool } = await import("@/lib/db");
const { listPublications } = await import("@/lib/data/publications");
const { indexQueuedPapers, queueAllPapers, searchQueueLength } = await import("@/lib/data/search-index");
const { createAuthor, createPublication, createSeries, uid } = await import("./support/factories");

const found = async (q: string, locale: "ko" | "en" = "en") => (await listPublications({ locale, q }, 1)).items.map((p) => p.id);

describe("the search index", () => {
  let seriesId: number;
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });
  afterAll(async () => {
    await pool().end();
    await fresh.drop();
  });

  it("indexes a new paper, an edit, an attachment's text and a renamed author, and forgets a deleted paper", async () => {
    const tag = uid();
    const author = await createAuthor({ nameEn: `PARK Before${tag}`, nameKo: "박이전" });
    const paper = await createPublication({ seriesId, title: `Harbour ${tag}`, authorIds: [author.id] });
    expect(await found(`harbour ${tag}`)).toEqual([]); // queued, not yet indexed
    expect(await searchQueueLength()).toBeGreaterThan(0);
    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    expect(await found(`harbour ${tag}`)).toEqual([paper.id]);

    await db.publication.update({ where: { id: paper.id }, data: { body: `Lighthouses of ${tag}` } });
    await db.attachment.create({
      data: {
        publicationId: paper.id,
        fileName: "a.pdf",
        byteSize: 1,
        sha256: tag.padStart(64, "0"),
        mediaType: "application/pdf",
        storageKey: `t/${tag}`,
        extractedText: `Annex on breakwaters ${tag}`,
      },
    });
    await db.author.update({ where: { id: author.id }, data: { nameEn: `PARK After${tag}` } });
    await indexQueuedPapers();
    expect(await found(`lighthouse ${tag}`)).toEqual([paper.id]);
    expect(await found(`breakwater ${tag}`)).toEqual([paper.id]);
    expect(await found(`after${tag}`)).toEqual([paper.id]);
    expect(await found(`before${tag}`)).toEqual([]);

    await db.publication.delete({ where: { id: paper.id } });
    await indexQueuedPapers();
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM "SearchDocument" WHERE "publicationId" = ${paper.id}`).toEqual([]);
    expect(await searchQueueLength()).toBe(0);
  });

  it("does not queue a paper for what search does not read (hits)", async () => {
    const paper = await createPublication({ seriesId, title: `Counted ${uid()}` });
    await indexQueuedPapers();
    await db.publication.update({ where: { id: paper.id }, data: { viewCount: { increment: 5 } } });
    expect(await searchQueueLength()).toBe(0);
  });

  it("finds a paper through its public twin in the reader's language, never through a draft twin", async () => {
    const tag = uid();
    const ko = await createPublication({ seriesId, language: "ko", title: `항만 보고서 ${tag}` });
    const en = await createPublication({ seriesId, language: "en", title: `Port report ${tag}`, translationId: ko.id });
    const draftKo = await createPublication({ seriesId, language: "ko", status: "published", title: `공개 ${tag}` });
    await createPublication({
      seriesId,
      language: "en",
      status: "draft",
      title: `Secret draft ${tag}`,
      translationId: draftKo.id,
    });
    await indexQueuedPapers();
    // The Korean words find the English version on /en, and the English words the Korean one on /ko.
    expect(await found(`항만 ${tag}`, "en")).toEqual([en.id]);
    expect(await found(`port ${tag}`, "ko")).toEqual([ko.id]);
    // The draft's words lead nowhere, not even to its public twin.
    expect(await found(`secret ${tag}`, "ko")).toEqual([]);
    expect(await found(`secret ${tag}`, "en")).toEqual([]);
  });

  it("rebuilds everything on request (npm run search:reindex), each paper once", async () => {
    const papers = await db.publication.count();
    await queueAllPapers();
    expect(await searchQueueLength()).toBe(papers);
    // Two indexers at once, as two instances would: each paper is taken by one of them.
    const [a, b] = await Promise.all([indexQueuedPapers(), indexQueuedPapers()]);
    expect(a + b).toBe(papers);
    expect(await searchQueueLength()).toBe(0);
  });
});
