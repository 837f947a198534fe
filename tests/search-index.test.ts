// The search index keeps itself current: triggers queue every paper whose
// searchable text changed, by whatever path, and the indexer takes the queue.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: the tests count the whole queue.
const fresh = await createDatabase("perspectives_search_index");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const { listPublications, PAGE_SIZE } = await import("@/lib/data/publications");
const { indexQueuedPapers, queueAllPapers, searchQueueLength } = await import("@/lib/data/search-index");
const { RebuildInterrupted, rebuildSearchIndex } = await import("@/lib/data/search-rebuild");
const { readPaperTexts } = await import("@/lib/data/search-documents");
const { QUEUED_LOOKED_UP, READ_VECTORS_UP_TO } = await import("@/lib/data/search-ranking");
const { catalogueSliceSql } = await import("@/lib/data/catalogue-filter");
const { documentTokens } = await import("@/lib/search/document");
const { createAuthor, createPublication, createSeries, createTopic, uid } = await import("./support/factories");
const { GET: findRoute } = await import("@/app/[locale]/(site)/publications/[id]/find/route");
const { FIND_CLIENT_RULE } = await import("@/lib/search/find-limit");
const { CLIENT_ADDRESS_HEADER } = await import("@/lib/security/client-address");

const found = async (q: string, locale: "ko" | "en" = "en") => (await listPublications({ locale, q }, 1)).items.map((p) => p.id);

/**
 * The search table's indexes (with their options), constraints, storage parameters and how each
 * column is stored (the title's and summary's vectors out of the row), as the catalog has them.
 */
/** The search tables' indexes, constraints, storage parameters and columns' storage, each named with its table. */
const liveShape = () =>
  db.$queryRaw<{ name: string; def: string }[]>`
    SELECT t.name || ': ' || shape.name AS name, shape.def FROM
      (VALUES ('SearchDocument', '"SearchDocument"'::regclass), ('SearchScoring', '"SearchScoring"'::regclass)) t(name, oid),
      LATERAL (
        SELECT i.relname::text AS name, pg_get_indexdef(i.oid) || coalesce(' ' || array_to_string(i.reloptions, ','), '') AS def
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = t.oid
        UNION ALL
        SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = t.oid AND contype <> 'n'
        UNION ALL
        SELECT 'table options', coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE oid = t.oid
        UNION ALL
        SELECT 'column ' || attname, attstorage::text FROM pg_attribute
        WHERE attrelid = t.oid AND attnum > 0 AND NOT attisdropped) shape
    ORDER BY 1, 2`;

/** The rebuild's own tables, null where there is none. */
const rebuildTables = async () =>
  (
    await db.$queryRaw<{ documents: string | null; scoring: string | null }[]>`
      SELECT to_regclass('"SearchDocumentRebuild"')::text AS documents, to_regclass('"SearchScoringRebuild"')::text AS scoring`
  )[0];

/** A PDF on the paper, its extracted text `text`. */
const attachPdf = (publicationId: number, text: string) => {
  const key = uid();
  return db.attachment.create({
    data: {
      publicationId,
      fileName: "annex.pdf",
      byteSize: 1,
      sha256: key.padStart(64, "1"),
      mediaType: "application/pdf",
      storageKey: `t/${key}-annex`,
      extractedText: text,
    },
  });
};

describe("the search index", () => {
  let seriesId: number;
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });
  afterAll(async () => {
    await endPools();
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

  it("stores each part's tokens exactly, whatever the text holds (they travel as one text, split by the statement)", async () => {
    const tag = uid();
    const paper = await createPublication({
      seriesId,
      title: `북러동맹 "Quoted" back\\slash {braces, commas} ${tag}`,
      summary: "NULL and  spaces\ttabs\nnew lines \u001f unit separators",
      body: `동맹은 sanctions' 'apostrophes' ${"long ".repeat(50)}`,
    });
    await indexQueuedPapers();
    const [texts] = await readPaperTexts(db, [paper.id]);
    const tokens = documentTokens(texts!);
    const stored = await db.$queryRaw<{ title: string[]; head: string[]; body: string[]; pdf: string[] }[]>`
      SELECT tsvector_to_array(title) AS title, tsvector_to_array(head) AS head,
        tsvector_to_array(body) AS body, tsvector_to_array(pdf) AS pdf
      FROM "SearchDocument" WHERE "publicationId" = ${paper.id}`;
    const sorted = (a: string[]) => [...a].sort();
    expect(stored).toEqual([
      { title: sorted(tokens.title), head: sorted(tokens.head), body: sorted(tokens.body), pdf: sorted(tokens.pdf) },
    ]);
    // What its in-row score reads, written beside it: the same vectors, and the exact-match keys.
    const scoring = await db.$queryRaw<{ title: string[]; head: string[]; titleKey: string; numberKeys: string[] }[]>`
      SELECT tsvector_to_array(title) AS title, tsvector_to_array(head) AS head, "titleKey", "numberKeys"
      FROM "SearchScoring" WHERE "publicationId" = ${paper.id}`;
    expect(scoring).toEqual([
      { title: sorted(tokens.title), head: sorted(tokens.head), titleKey: tokens.titleKey, numberKeys: tokens.numberKeys },
    ]);
    expect(tokens.title).toEqual(expect.arrayContaining(["북러", "quot", `${tag}`.toLowerCase()]));
    expect(tokens.head).toContain("null");
    // No PDF: that part holds the paper's facts alone (each part carries them, document.ts).
    expect(tokens.pdf).toEqual(texts!.facts);
    expect(texts!.facts.length).toBeGreaterThan(0);
  });

  it("skips a paper being deleted, waiting on nobody, and takes it off the queue once it is gone", async () => {
    const doomed = await createPublication({ seriesId, title: `Doomed ${uid()}` });
    const survivor = await createPublication({ seriesId, title: `Survivor ${uid()}` });
    await indexQueuedPapers();
    // Both queued again, their documents written before.
    await db.publication.updateMany({ where: { id: { in: [doomed.id, survivor.id] } }, data: { body: `Rewritten ${uid()}` } });
    // Another session deletes one and holds its transaction open: it holds the paper and, by cascade, its document.
    const deleting = new pg.Client({ connectionString: fresh.url });
    const watcher = new pg.Client({ connectionString: fresh.url });
    await Promise.all([deleting.connect(), watcher.connect()]);
    try {
      await deleting.query("BEGIN");
      await deleting.query(`DELETE FROM "Publication" WHERE id = $1`, [doomed.id]);
      let settled = false;
      const indexing = indexQueuedPapers().finally(() => (settled = true));
      // Until the batch ends or some session waits for a lock (as a batch writing the doomed paper's document would).
      const lockWaits = async () =>
        (
          await watcher.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows[0]!.n;
      await expect.poll(async () => settled || (await lockWaits()) > 0).toBe(true);
      const endedWhileDeleteOpen = settled;
      await deleting.query("COMMIT");
      expect(endedWhileDeleteOpen).toBe(true);
      expect(await indexing).toBe(1);
    } finally {
      await Promise.all([deleting.end(), watcher.end()]);
    }
    // Left queued meanwhile; gone now, it is just taken off.
    expect(await searchQueueLength()).toBe(1);
    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM "SearchDocument" WHERE "publicationId" = ${doomed.id}`).toEqual([]);
  });

  it("indexes a change committed while its paper was being indexed", async () => {
    const paper = await createPublication({ seriesId, title: `Edited ${uid()}` });
    await indexQueuedPapers();
    const [before, during, again] = [`Draftword${uid()}`, `Lateword${uid()}`, `Againword${uid()}`];
    await db.publication.update({ where: { id: paper.id }, data: { body: before } }); // queued
    const editor = new pg.Client({ connectionString: fresh.url });
    const indexer = new pg.Client({ connectionString: fresh.url });
    await Promise.all([editor.connect(), indexer.connect()]);
    try {
      // A change not yet committed when a batch runs: the batch leaves the paper for later.
      await editor.query("BEGIN");
      await editor.query(`UPDATE "Publication" SET body = $2 WHERE id = $1`, [paper.id, during]);
      await indexQueuedPapers();
      await editor.query("COMMIT");
      await indexQueuedPapers();
      expect(await found(during.toLowerCase())).toEqual([paper.id]);

      // A change made while a batch holds the paper's queue row (as indexQueuedBatch does, here by
      // hand) waits for the batch, and queues the paper again after it.
      await db.publication.update({ where: { id: paper.id }, data: { body: before } });
      await indexer.query("BEGIN");
      await indexer.query(`SELECT 1 FROM "SearchQueue" WHERE "publicationId" = $1 FOR UPDATE`, [paper.id]);
      const edit = editor.query(`UPDATE "Publication" SET body = $2 WHERE id = $1`, [paper.id, again]);
      await expect
        .poll(
          async () =>
            (
              await indexer.query(
                `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
              )
            ).rowCount,
        )
        .toBe(1);
      await indexer.query(`DELETE FROM "SearchQueue" WHERE "publicationId" = $1`, [paper.id]);
      await indexer.query("COMMIT");
      await edit;
      expect(await searchQueueLength()).toBe(1);
    } finally {
      await Promise.all([editor.end(), indexer.end()]);
    }
    await indexQueuedPapers();
    expect(await found(again.toLowerCase())).toEqual([paper.id]);
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

  it("narrows a filtered search by the facts its documents carry, and never loses a paper whose facts changed since", async () => {
    const tag = uid();
    const other = await createSeries();
    const topic = await createTopic();
    const inOther = await createPublication({ seriesId: other.id, title: `Quay ${tag}` });
    const ko = await createPublication({ seriesId, language: "ko", title: `부두 ${tag}` });
    const en = await createPublication({ seriesId, language: "en", title: `Wharf ${tag}`, translationId: ko.id });
    await indexQueuedPapers();
    // Two filters chosen: the search is narrowed by the facts in the index (catalogue-filter.ts).
    const search = (q: string, f: { series?: string; topic?: string; year?: number }, locale: "ko" | "en" = "en") =>
      listPublications({ locale, q, year: 2024, ...f }, 1);
    const ids = async (...args: Parameters<typeof search>) => (await search(...args)).items.map((p) => p.id);
    expect(await ids(`quay ${tag}`, { series: other.slug })).toEqual([inOther.id]);
    expect(await ids(`quay ${tag}`, { series: (await db.series.findUniqueOrThrow({ where: { id: seriesId } })).slug })).toEqual(
      [],
    );
    // The series facet still counts the other series, whose papers the filter does not list.
    const facets = (await search(`quay ${tag}`, { series: "no-such-series" })).facets;
    expect(facets.series?.get(other.slug)).toBe(1);

    // The paper moves to the other series and year: its entries change at once, its document
    // later. Until it is indexed again, it is queued, and found by its new facts all the same.
    await db.publication.update({
      where: { id: inOther.id },
      data: { seriesId, publishedAt: new Date("2025-03-01T00:00:00Z") },
    });
    const mine = (await db.series.findUniqueOrThrow({ where: { id: seriesId } })).slug;
    expect(await ids(`quay ${tag}`, { series: mine, year: 2025 })).toEqual([inOther.id]);
    expect(await ids(`quay ${tag}`, { series: other.slug, year: 2025 })).toEqual([]);
    expect(await ids(`quay ${tag}`, { series: other.slug })).toEqual([]);
    // A fact of the twin shown on /en (a topic of the English version) is a fact of the Korean
    // document's English entry: the Korean words find the English paper under its topic.
    await db.publicationTopic.create({ data: { publicationId: en.id, topicId: topic.id } });
    const queued = await db.$queryRaw<{ id: number }[]>`SELECT "publicationId" AS id FROM "SearchQueue" ORDER BY 1`;
    expect(queued.map((q) => q.id)).toEqual(expect.arrayContaining([inOther.id, ko.id, en.id]));
    expect(await ids(`부두 ${tag}`, { series: mine, topic: topic.slug })).toEqual([en.id]);

    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    expect(await ids(`quay ${tag}`, { series: mine, year: 2025 })).toEqual([inOther.id]);
    expect(await ids(`quay ${tag}`, { series: other.slug, year: 2025 })).toEqual([]);
    expect(await ids(`부두 ${tag}`, { series: mine, topic: topic.slug })).toEqual([en.id]);
    expect(await ids(`부두 ${tag}`, { series: mine, topic: topic.slug }, "ko")).toEqual([]);
  });

  it("narrows by facts in every part: words of the body or the PDFs alone, filtered, before and after the paper moves", async () => {
    const tag = uid();
    const other = await createSeries();
    const mine = (await db.series.findUniqueOrThrow({ where: { id: seriesId } })).slug;
    // The words are in the body of one paper and in the PDF of another, nowhere else.
    const inBody = await createPublication({ seriesId, title: `Harbour ${uid()}`, body: `Dredging ${tag} of the channel` });
    const inPdf = await createPublication({ seriesId, title: `Harbour ${uid()}` });
    await attachPdf(inPdf.id, `Annex: dredging ${tag} costs`);
    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    const ids = async (series: string, sort?: "newest") =>
      (await listPublications({ locale: "en", q: tag, series, sort }, 1)).items.map((p) => p.id).sort((a, b) => a - b);
    const both = [inBody.id, inPdf.id].sort((a, b) => a - b);
    expect(await ids(mine)).toEqual(both);
    expect(await ids(mine, "newest")).toEqual(both);
    expect(await ids(other.slug)).toEqual([]);

    // Moved to the other series: found there at once (queued, by its words), and after indexing (by its facts).
    await db.publication.update({ where: { id: inBody.id }, data: { seriesId: other.id } });
    expect(await ids(other.slug)).toEqual([inBody.id]);
    expect(await ids(mine)).toEqual([inPdf.id]);
    // The same with more queued than a search looks up one by one (as after a migration queues
    // every paper): ids no paper has, which the indexer drops.
    await db.$executeRaw`INSERT INTO "SearchQueue" ("publicationId")
      SELECT -i FROM generate_series(1, ${QUEUED_LOOKED_UP + 1}) i ON CONFLICT DO NOTHING`;
    expect(await ids(other.slug)).toEqual([inBody.id]);
    expect(await ids(other.slug, "newest")).toEqual([inBody.id]);
    expect(await ids(mine)).toEqual([inPdf.id]);
    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    expect(await ids(other.slug)).toEqual([inBody.id]);
    expect(await ids(other.slug, "newest")).toEqual([inBody.id]);
    expect(await ids(mine)).toEqual([inPdf.id]);
  });

  it("ranks a filtered search's queued paper by its body, whether the vectors are read or the indexes scanned", async () => {
    const tag = uid();
    const other = await createSeries();
    // In the other series, the word in a PDF only (1), newer; in this series, the word in a body (4), older.
    const inPdf = await createPublication({
      seriesId: other.id,
      title: `Pier ${uid()}`,
      publishedAt: new Date("2024-05-01T00:00:00Z"),
    });
    await attachPdf(inPdf.id, `Annex: silting ${tag} costs`);
    const inBody = await createPublication({
      seriesId,
      title: `Pier ${uid()}`,
      body: `Silting ${tag} of the channel`,
      publishedAt: new Date("2024-01-01T00:00:00Z"),
    });
    await indexQueuedPapers();
    // Moved to the other series and queued: its document still carries the old series.
    await db.publication.update({ where: { id: inBody.id }, data: { seriesId: other.id } });
    const pages = async () => {
      const out: number[][] = [];
      for (const readVectorsUpTo of [READ_VECTORS_UP_TO, 0]) {
        const sql = catalogueSliceSql({ locale: "en", q: tag, series: other.slug }, 1, PAGE_SIZE, { readVectorsUpTo });
        out.push((await db.$queryRaw<{ ids: number[] }[]>(sql))[0]!.ids);
      }
      return out;
    };
    expect(await pages()).toEqual([
      [inBody.id, inPdf.id],
      [inBody.id, inPdf.id],
    ]);
    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    expect(await pages()).toEqual([
      [inBody.id, inPdf.id],
      [inBody.id, inPdf.id],
    ]);
  });

  it("finds a paper holding each word of a search in a different part, and none missing one, queued or indexed", async () => {
    // One index over all the parts answers "every word, each in any part" (migration 20261203090000).
    const [a, b, c, d] = [uid(), uid(), uid(), uid()];
    const other = await createSeries();
    const mine = (await db.series.findUniqueOrThrow({ where: { id: seriesId } })).slug;
    const spread = await createPublication({ seriesId, title: `Tides ${a}`, summary: `About ${b}`, body: `Dredging ${c}` });
    await db.attachment.create({
      data: {
        publicationId: spread.id,
        fileName: "annex.pdf",
        byteSize: 1,
        sha256: d.padStart(64, "2"),
        mediaType: "application/pdf",
        storageKey: `t/${d}-annex`,
        extractedText: `Annex: ${d} costs`,
      },
    });
    // Holds three of the four words, the PDF's missing.
    const short = await createPublication({ seriesId, title: `Tides ${a}`, summary: `About ${b}`, body: `Dredging ${c}` });
    const ids = async (q: string, series?: string, sort?: "newest") =>
      (await listPublications({ locale: "en", q, series, sort }, 1)).items.map((p) => p.id).sort((x, y) => x - y);
    const check = async (series: string, away: string) => {
      for (const sort of [undefined, "newest"] as const) {
        expect(await ids(`${a} ${b} ${c} ${d}`, undefined, sort)).toEqual([spread.id]);
        expect(await ids(`${d} ${a}`, series, sort)).toEqual([spread.id]);
        expect(await ids(`${d} ${a}`, away, sort)).toEqual([]);
        expect(await ids(`${b} ${c}`, undefined, sort)).toEqual([spread.id, short.id].sort((x, y) => x - y));
      }
    };
    await indexQueuedPapers();
    expect(await searchQueueLength()).toBe(0);
    await check(mine, other.slug);
    // Moved: queued, its document's facts out of date, found by its words in the other series at once.
    await db.publication.update({ where: { id: spread.id }, data: { seriesId: other.id } });
    await check(other.slug, mine);
    await indexQueuedPapers();
    await check(other.slug, mine);
  });

  it("shares the queue between indexers: two at once, as two instances would, each paper once", async () => {
    const papers = await db.publication.count();
    await queueAllPapers();
    expect(await searchQueueLength()).toBe(papers);
    const [a, b] = await Promise.all([indexQueuedPapers(), indexQueuedPapers()]);
    expect(a + b).toBe(papers);
    expect(await searchQueueLength()).toBe(0);
  });

  it("frees the queue's dead rows once a pass empties it, and after a rebuild, so a search does not read them", async () => {
    const vacuums = async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = 'SearchQueue'`;
      return row!.n;
    };
    const pages = async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT (pg_relation_size('"SearchQueue"') / 8192)::int AS n`;
      return row!.n;
    };
    // Only the portal's vacuums are counted: autovacuum, where the server runs it, stays off this test's table.
    await db.$executeRaw`ALTER TABLE "SearchQueue" SET (autovacuum_enabled = false)`;
    await indexQueuedPapers();
    // Rows of papers gone meanwhile (no paper has these ids): a pass just takes them off the queue.
    await db.$executeRaw`INSERT INTO "SearchQueue" ("publicationId") SELECT g FROM generate_series(900000001, 900002000) g`;
    expect(await pages()).toBeGreaterThan(5);
    const before = await vacuums();
    expect(await indexQueuedPapers()).toBe(2000);
    expect(await vacuums()).toBe(before + 1);
    // Emptied and vacuumed, the table keeps no page of dead rows for a search to read.
    expect(await pages()).toBe(0);
    // A pass that found nothing to do leaves it be.
    await indexQueuedPapers();
    expect(await vacuums()).toBe(before + 1);
    await rebuildSearchIndex();
    expect(await vacuums()).toBe(before + 2);
    await db.$executeRaw`ALTER TABLE "SearchQueue" RESET (autovacuum_enabled)`;
  });

  it("rebuilds everything on request (npm run search:reindex) into a table of its own, then puts it in place", async () => {
    const before = await liveShape();
    const [word, renamed] = [`Rebuildword${uid()}`, `Renamedword${uid()}`];
    const paper = await createPublication({ seriesId, title: `Before ${word}` });
    const other = await createPublication({ seriesId, title: `Other ${uid()}` });
    const doomed = await createPublication({ seriesId, title: `Doomed ${uid()}` });
    // Queued and never indexed: the rebuild takes it off the queue and indexes it.
    expect(await searchQueueLength()).toBeGreaterThan(0);
    const seen: number[] = [];
    const steps: string[] = [];
    const report = await rebuildSearchIndex({
      papers: (done) => seen.push(done),
      step: async (what) => {
        steps.push(what);
        if (what !== "Building the indexes") return;
        // After the rebuild read them: one paper edited and indexed live at once, one edited
        // and left queued, one deleted. Searches still use the live table.
        await db.publication.update({ where: { id: paper.id }, data: { title: `After ${renamed}` } });
        await indexQueuedPapers();
        expect(await found(renamed.toLowerCase())).toEqual([paper.id]);
        await db.publication.update({ where: { id: other.id }, data: { body: `Edited ${word}` } });
        await db.publication.delete({ where: { id: doomed.id } });
      },
    });
    const papers = await db.publication.count();
    expect(report.papers).toBe(papers + 1);
    expect(seen.at(-1)).toBe(papers + 1);
    // The same indexes and constraints, under the same names, on the table now live; each index
    // built once, named as it is built.
    expect(await liveShape()).toEqual(before);
    const indexes = [
      "SearchDocument_body_idx",
      "SearchDocument_every_idx",
      "SearchDocument_older_tokenizer_idx",
      "SearchDocument_pdf_idx",
      "SearchScoring_head_idx",
      "SearchScoring_numberKeys_idx",
      "SearchScoring_title_idx",
    ];
    // Each index once, numbered as it is begun (the largest first, an order the data decides; two
    // at a time, so their steps may come out of order), between the two steps.
    expect(steps[0]).toBe("Building the indexes");
    expect(steps.at(-1)).toBe("Putting the new index in place");
    const built = steps.slice(1, -1).map((step) => /^Building index (\d+) of (\d+) \((\w+)\)$/.exec(step));
    expect(built.map((m) => m?.[3]).sort()).toEqual(indexes);
    expect(built.map((m) => `${m?.[1]} of ${m?.[2]}`).sort()).toEqual(indexes.map((_, i) => `${i + 1} of ${indexes.length}`));
    const [documents] = await db.$queryRaw<{ n: number; scored: number }[]>`
      SELECT count(*)::int AS n, (SELECT count(*)::int FROM "SearchScoring") AS scored FROM "SearchDocument"`;
    // What the in-row scores read, made anew too: one row a paper, the deleted one's gone.
    expect(documents).toEqual({ n: papers, scored: papers });
    // The edits made during the rebuild are queued again (with whatever else was indexed live
    // just before the rebuild began); once indexed, the index is current.
    const queued = await db.$queryRaw<{ id: number }[]>`SELECT "publicationId" AS id FROM "SearchQueue"`;
    expect(queued.map((q) => q.id)).toEqual(expect.arrayContaining([paper.id, other.id]));
    await indexQueuedPapers();
    expect(await found(renamed.toLowerCase())).toEqual([paper.id]);
    expect(await found(word.toLowerCase())).toEqual([other.id]);
    // The new tables' rows go with their papers, as the old ones' did.
    await db.publication.delete({ where: { id: other.id } });
    expect(
      await db.$queryRaw<unknown[]>`
        SELECT 1 FROM "SearchDocument" WHERE "publicationId" = ${other.id}
        UNION ALL SELECT 1 FROM "SearchScoring" WHERE "publicationId" = ${other.id}`,
    ).toEqual([]);
  });

  it("runs one rebuild at a time, and one that fails leaves the live index and the queue as they were", async () => {
    const tag = uid();
    const paper = await createPublication({ seriesId, title: `Waiting ${tag}` });
    const queued = await searchQueueLength();
    let second: unknown;
    await expect(
      rebuildSearchIndex({
        step: async (what) => {
          // A second rebuild is turned away, and leaves the first's table alone: the first goes on.
          if (what === "Building the indexes") second = await rebuildSearchIndex().catch((e: unknown) => e);
          if (what.startsWith("Putting")) throw new Error("stopped here");
        },
      }),
    ).rejects.toThrow("stopped here");
    expect(String(second)).toContain("Another search index rebuild is running");
    // What the failed rebuild took off the queue is back on it, and its table is gone.
    expect(await searchQueueLength()).toBe(queued);
    expect(await rebuildTables()).toEqual({ documents: null, scoring: null });
    await indexQueuedPapers();
    expect(await found(`waiting ${tag}`)).toEqual([paper.id]);
  });

  it("builds two indexes at once, and stops when asked in the middle of them, leaving the live index and the queue as they were", async () => {
    const tag = uid();
    const paper = await createPublication({ seriesId, title: `Stopped ${tag}` });
    const queued = await searchQueueLength();
    const before = await liveShape();
    const stop = new AbortController();
    // Another session holds the rebuild's table from before its first index build, so each build
    // begun waits there (as long builds would run) until the stop cancels it.
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    let waited: Promise<void> | undefined;
    try {
      const rebuilt = rebuildSearchIndex({
        signal: stop.signal,
        step: async (what) => {
          if (what !== "Building the indexes") return;
          await holder.query("BEGIN");
          await holder.query(`LOCK TABLE "SearchDocumentRebuild" IN ROW EXCLUSIVE MODE`);
          // Asked outside the holder's transaction, which would see one snapshot of the activity throughout.
          const waiting = async () =>
            (
              await db.$queryRaw<{ query: string }[]>`
                SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
            ).map((r) => r.query.split(" ").slice(0, 2).join(" "));
          waited = (async () => {
            try {
              // Two builds under way at once, on connections of their own.
              await expect.poll(waiting, { timeout: 20_000 }).toEqual(["CREATE INDEX", "CREATE INDEX"]);
              stop.abort();
              // Both builds are cancelled while the table is still held (they could not have finished):
              // what waits now is the rebuild's clean-up, dropping its table.
              await expect.poll(waiting, { timeout: 20_000 }).toEqual(["DROP TABLE"]);
            } finally {
              await holder.query("ROLLBACK");
            }
          })();
        },
      });
      await expect(rebuilt).rejects.toThrow(RebuildInterrupted);
      await waited;
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
      await holder.end();
    }
    expect(await searchQueueLength()).toBe(queued);
    expect(await liveShape()).toEqual(before);
    expect(await rebuildTables()).toEqual({ documents: null, scoring: null });
    await indexQueuedPapers();
    expect(await found(`stopped ${tag}`)).toEqual([paper.id]);
  });

  it("writes documents into the indexes themselves: no pending list for a later write to merge", async () => {
    // A merge runs inside the write that fills the list, and took a reindex's batch past its time limit.
    const rows = await db.$queryRaw<{ relname: string; reloptions: string[] | null }[]>`
      SELECT c.relname, c.reloptions FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am am ON am.oid = c.relam
      WHERE i.indrelid IN ('"SearchDocument"'::regclass, '"SearchScoring"'::regclass) AND am.amname = 'gin'
      ORDER BY c.relname`;
    expect(rows.map((r) => r.relname)).toEqual([
      "SearchDocument_body_idx",
      "SearchDocument_every_idx",
      "SearchDocument_pdf_idx",
      "SearchScoring_head_idx",
      "SearchScoring_numberKeys_idx",
      "SearchScoring_title_idx",
    ]);
    for (const r of rows) expect(r.reloptions, r.relname).toContain("fastupdate=off");
  });

  it("says where each result matched, down to the PDF page, and finds the sections and pages of one paper", async () => {
    const tag = uid();
    const paper = await createPublication({
      seriesId,
      title: `Harbours ${tag}`,
      body: `Intro.\n\n## Background\n\nNothing here.\n\n## Findings\n\nThe breakwater ${tag} held.`,
    });
    const attachment = await db.attachment.create({
      data: {
        publicationId: paper.id,
        fileName: "annex.pdf",
        byteSize: 1,
        sha256: `f${tag}`.padStart(64, "0"),
        mediaType: "application/pdf",
        storageKey: `t/f${tag}`,
        extractedText: `Cover\fContents\fThe tidal gauge ${tag} readings`,
      },
    });
    await indexQueuedPapers();

    const inPdf = await listPublications({ locale: "en", q: `tidal gauge ${tag}` }, 1);
    expect(inPdf.items.map((p) => p.id)).toEqual([paper.id]);
    expect(inPdf.snippets[paper.id]).toMatchObject({ where: "pdf", page: 3 });
    const marked = inPdf.snippets[paper.id]!.marks.map((m) => inPdf.snippets[paper.id]!.text.slice(m.start, m.end));
    expect(marked).toEqual(["tidal", "gauge", tag]);
    const inBody = await listPublications({ locale: "en", q: `breakwater ${tag}` }, 1);
    expect(inBody.snippets[paper.id]).toMatchObject({ where: "body" });

    // A Korean query on the English listing finds the English version through its Korean twin,
    // whose own text is where the snippet comes from.
    const korean = await createPublication({
      seriesId,
      language: "ko",
      title: `항만 ${tag}`,
      body: `방파제 보고서 ${tag}k는 유지되었다.`,
    });
    await db.publication.update({ where: { id: paper.id }, data: { translationId: korean.id } });
    await indexQueuedPapers();
    const throughTwin = await listPublications({ locale: "en", q: `방파제 ${tag}k` }, 1);
    expect(throughTwin.items.map((p) => p.id)).toEqual([paper.id]);
    expect(throughTwin.snippets[paper.id]).toMatchObject({ where: "body", text: `방파제 보고서 ${tag}k는 유지되었다.` });

    const find = async (q: string, id = paper.id) => {
      const url = `http://localhost/en/publications/${id}/find?q=${encodeURIComponent(q)}`;
      return findRoute(new Request(url), { params: Promise.resolve({ locale: "en", id: String(id) }) });
    };
    const answer = await find(tag);
    expect(answer.status).toBe(200);
    const { matches } = (await answer.json()) as { matches: Record<string, unknown>[] };
    expect(matches.map((m) => [m.where, m.heading ?? m.page, m.anchor ?? m.attachmentId])).toEqual([
      ["body", "Findings", "section-findings"],
      ["pdf", 3, attachment.id],
    ]);
    // Words it cannot use find nothing; a paper that is not public is not there.
    for (const q of ["", "x".repeat(5000), "'&|!"])
      expect(((await (await find(q)).json()) as { matches: unknown[] }).matches).toEqual([]);
    const draft = await createPublication({ seriesId, status: "draft", title: `Draft ${tag}` });
    expect((await find(tag, draft.id)).status).toBe(404);
    expect((await find(tag, 2_147_483_647)).status).toBe(404);
  });

  it("says a result found by a topic's name was found in its topics, in the language whose name holds more of the words", async () => {
    const paper = await createPublication({ seriesId, title: `Untagged words ${uid()}`, body: "Nothing of the kind." });
    const topic = await createTopic([paper.id]);
    await indexQueuedPapers();
    // "Topic <id>" and "주제 <id>" are the topic's names: the paper's texts hold neither.
    const id = topic.nameEn.replace("Topic ", "");
    const english = await listPublications({ locale: "en", q: topic.nameEn }, 1);
    expect(english.items.map((p) => p.id)).toEqual([paper.id]);
    const found = english.snippets[paper.id]!;
    expect(found).toMatchObject({ where: "subjects", text: topic.nameEn, leading: false, trailing: false });
    expect(found.marks.map((m) => found.text.slice(m.start, m.end))).toEqual(["Topic", id]);
    // On the Korean listing the English name is shown: the Korean one holds the id but not "topic".
    const korean = await listPublications({ locale: "ko", q: topic.nameEn }, 1);
    expect(korean.snippets[paper.id]).toMatchObject({ where: "subjects", text: topic.nameEn });
    // The id alone is in both names: each listing shows its own language's.
    expect((await listPublications({ locale: "ko", q: id }, 1)).snippets[paper.id]).toMatchObject({ text: topic.nameKo });
    // A result its text explains keeps the text's snippet.
    const inBody = await listPublications({ locale: "en", q: `nothing ${topic.nameEn}` }, 1);
    expect(inBody.snippets[paper.id]).toMatchObject({ where: "body" });
  });

  it("holds a client to FIND_CLIENT_RULE in-paper searches a minute, even all at once, and no one else", async () => {
    const paper = await createPublication({ seriesId, title: `Limited ${uid()}`, body: "Some text." });
    await indexQueuedPapers();
    const from = (client: string) =>
      findRoute(
        new Request(`http://localhost/en/publications/${paper.id}/find?q=text`, {
          headers: { [CLIENT_ADDRESS_HEADER]: client },
        }),
        { params: Promise.resolve({ locale: "en", id: String(paper.id) }) },
      );
    const client = `203.0.113.${Math.floor(Math.random() * 200) + 1}-${uid()}`;
    const answers = await Promise.all(Array.from({ length: FIND_CLIENT_RULE.points + 1 }, () => from(client)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(FIND_CLIENT_RULE.points);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await from(`198.51.100.7-${uid()}`)).status).toBe(200);
  });
});
