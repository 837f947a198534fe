// A one-syllable Korean word is a token of its own from tokenizer 2 on
// (lib/search/tokens.ts). Documents an older tokenizer wrote hold only the
// bigrams: searches ask for the word as a prefix while any is left
// (lib/data/search-tokenizer.ts), so a reader finds the same papers throughout.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/migrate/schema-engine";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

// Its own database: the tests ask whether any document in it is older.
const fresh = await createDatabase("perspectives_search_tokenizer");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const { listPublications, PAGE_SIZE } = await import("@/lib/data/publications");
const { indexQueuedPapers } = await import("@/lib/data/search-index");
const { catalogueSliceSql } = await import("@/lib/data/catalogue-filter");
const { olderDocumentsLeft, syllableMatch } = await import("@/lib/data/search-tokenizer");
const { TOKENIZER } = await import("@/lib/search/document");
const { createPublication, createSeries } = await import("./support/factories");

const found = async (q: string) => (await listPublications({ locale: "ko", q }, 1)).items.map((p) => p.id);
const foundAsked = async (q: string, syllables: "token" | "prefix") =>
  (await db.$queryRaw<{ ids: number[] }[]>(catalogueSliceSql({ locale: "ko", q }, 1, PAGE_SIZE, { syllables })))[0]!.ids;
const tokenizerOf = async (id: number) =>
  (await db.searchDocument.findUniqueOrThrow({ where: { publicationId: id }, select: { tokenizer: true } })).tokenizer;

/**
 * The paper's document as tokenizer 1 wrote it: without the one-syllable
 * lexemes that start a bigram (its text has no one-syllable run), and not
 * naming its version, as the code before tokenizer 2 did not.
 */
async function writtenByTokenizerOne(id: number) {
  const bigramsOnly = (part: string) =>
    `array_to_tsvector(ARRAY(SELECT l FROM unnest(tsvector_to_array(${part})) l WHERE l !~ '^[가-힣]$'))`;
  await db.$executeRawUnsafe(
    `UPDATE "SearchDocument" SET ${["title", "head", "body", "pdf"].map((part) => `${part} = ${bigramsOnly(part)}`).join(", ")},
       tokenizer = DEFAULT WHERE "publicationId" = $1`,
    id,
  );
  await rewriteScoring(id, bigramsOnly);
}

/** The paper's SearchScoring row, its title's and summary's vectors rewritten as its document's were. */
async function rewriteScoring(id: number, rewritten: (part: string) => string) {
  await db.$executeRawUnsafe(
    `UPDATE "SearchScoring" SET title = ${rewritten("title")}, head = ${rewritten("head")} WHERE "publicationId" = $1`,
    id,
  );
}

describe("the tokenizer's version", () => {
  let seriesId: number;
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await endPools();
    await fresh.drop();
  });

  it("finds a one-syllable word in an older document by its prefix until the paper is indexed again, then by its token", async () => {
    const paper = await createPublication({ seriesId, language: "ko", title: "핵무기와 동맹의 미래", body: "억제력을 논한다" });
    await indexQueuedPapers();
    expect(await tokenizerOf(paper.id)).toBe(TOKENIZER);
    expect(await olderDocumentsLeft()).toBe(false);
    expect(await syllableMatch()).toBe("token");
    expect(await found("핵")).toEqual([paper.id]);

    await writtenByTokenizerOne(paper.id);
    expect(await tokenizerOf(paper.id)).toBe(1);
    expect(await olderDocumentsLeft()).toBe(true);
    // What the gate is for: asked as a token, the older document is missed.
    expect(await foundAsked("핵", "token")).toEqual([]);
    expect(await foundAsked("핵", "prefix")).toEqual([paper.id]);
    expect(await foundAsked("동맹", "token")).toEqual([paper.id]);

    // An instance goes by its last look for a few seconds, then asks for the prefix.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await syllableMatch()).toBe("prefix");
    expect(await found("핵")).toEqual([paper.id]);

    await db.searchQueue.create({ data: { publicationId: paper.id } });
    await indexQueuedPapers();
    expect(await tokenizerOf(paper.id)).toBe(TOKENIZER);
    expect(await olderDocumentsLeft()).toBe(false);
    expect(await syllableMatch()).toBe("prefix"); // until its next look
    vi.setSystemTime(Date.now() + 10_000);
    expect(await syllableMatch()).toBe("token");
    expect(await found("핵")).toEqual([paper.id]);
    expect(await foundAsked("핵", "token")).toEqual([paper.id]);
  });

  it("marks the documents already there as written by tokenizer 1 and queues their papers (the migration)", async () => {
    const paper = await createPublication({ seriesId, language: "ko", title: "섬 지역의 해양 협력" });
    await indexQueuedPapers();
    const documents = await db.searchDocument.count();
    expect(documents).toBeGreaterThan(0);
    // The database as it was before the migration: no version, no index of older documents.
    await db.$executeRawUnsafe(`DROP INDEX "SearchDocument_older_tokenizer_idx"`);
    await db.$executeRawUnsafe(`ALTER TABLE "SearchDocument" DROP COLUMN tokenizer`);
    const migration = await readFile(path.join(MIGRATIONS_DIR, "20261206090000_search_syllable_tokens", "migration.sql"), "utf8");
    await db.$executeRawUnsafe(`DO $migration$ BEGIN ${migration.replace(/^--.*$/gm, "")} END $migration$`);
    expect(await tokenizerOf(paper.id)).toBe(1);
    expect(await db.searchDocument.count({ where: { tokenizer: 1 } })).toBe(documents);
    expect(await db.searchQueue.count()).toBe(documents);
    expect(await olderDocumentsLeft()).toBe(true);
    await indexQueuedPapers();
    expect(await olderDocumentsLeft()).toBe(false);
    expect(await db.searchDocument.count({ where: { tokenizer: TOKENIZER } })).toBe(documents);
  });

  it("finds a paper tokenizer 2 indexed as before until the migration has it indexed again (tokenizer 3)", async () => {
    const paper = await createPublication({ seriesId, language: "ko", title: "북러 동맹의 미래", body: "북핵 문제를 논한다" });
    await indexQueuedPapers();
    expect(await found("북러동맹")).toEqual([paper.id]);
    expect(await found("핵")).not.toContain(paper.id);
    // Its document as tokenizer 2 wrote it: each pair across a space a bigram like any other, with its first syllable.
    const asTwo = (part: string) => `array_to_tsvector(ARRAY(
      SELECT CASE WHEN l LIKE '\\_%' THEN substr(l, 2) ELSE l END FROM unnest(tsvector_to_array(${part})) l
      UNION SELECT substr(l, 2, 1) FROM unnest(tsvector_to_array(${part})) l WHERE l LIKE '\\_%'))`;
    await db.$executeRawUnsafe(
      `UPDATE "SearchDocument" SET ${["title", "head", "body", "pdf"].map((part) => `${part} = ${asTwo(part)}`).join(", ")},
         tokenizer = 2 WHERE "publicationId" = $1`,
      paper.id,
    );
    await rewriteScoring(paper.id, asTwo);
    // Found as before, by either spacing; and, as before, "핵" finds the end of "북핵" before "문제".
    expect(await found("북러동맹")).toEqual([paper.id]);
    expect(await found("북러 동맹")).toEqual([paper.id]);
    expect(await found("핵")).toContain(paper.id);
    expect(await olderDocumentsLeft()).toBe(false);

    const migration = await readFile(path.join(MIGRATIONS_DIR, "20261207090000_search_spaced_pairs", "migration.sql"), "utf8");
    await db.$executeRawUnsafe(migration.replace(/^--.*$/gm, ""));
    // Its paper is queued: the documents of tokenizer 3 are not (the other tests' papers).
    expect(await db.searchQueue.findMany({ select: { publicationId: true } })).toEqual([{ publicationId: paper.id }]);
    await indexQueuedPapers();
    expect(await tokenizerOf(paper.id)).toBe(TOKENIZER);
    expect(await found("북러동맹")).toEqual([paper.id]);
    expect(await found("북러 동맹")).toEqual([paper.id]);
    expect(await found("핵")).not.toContain(paper.id);
  });

  it("ranks a paper the same whichever way the word is asked for", async () => {
    for (const title of ["핵 협상의 교훈", "북핵 문제와 핵심 쟁점", "동맹과 핵우산", "해양 안보"])
      await createPublication({ seriesId, language: "ko", title, summary: "핵심 요약" });
    await indexQueuedPapers();
    const asToken = await foundAsked("핵 협상", "token");
    expect(asToken.length).toBeGreaterThan(0);
    expect(asToken).toEqual(await foundAsked("핵 협상", "prefix"));
    const all = await foundAsked("핵", "token");
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all).toEqual(await foundAsked("핵", "prefix"));
  });
});
