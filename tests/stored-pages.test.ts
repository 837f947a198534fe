// Papers' pages stored in the database (lib/data/stored-pages.ts and the
// triggers of migration 20261130042551_stored_pages): what is answered, what
// is refused, what a change drops. The server's use of them, with the real
// Next.js behind it: e2e/hits.spec.ts (the figure of now in a stored page).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { renderedEpoch, withHitFigure } from "@/lib/render/stored-page-marks";
import { createDatabase } from "./support/databases";

// Its own database: the tests list every missing page, and change the site settings.
const fresh = await createDatabase("perspectives_stored_pages");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const {
  dropPagesLinkingToPapersGoneLive,
  listMissingStoredPages,
  readStoredPage,
  renderEpoch,
  storeAheadAlone,
  writeStoredPage,
} = await import("@/lib/data/stored-pages");
const { createAuthor, createPublication, createSeries } = await import("./support/factories");

const BUILD = "build-a";

/** As if the series and site had changed long ago: a render now reads the epoch (renderEpoch is null for seconds after such a change). */
async function settledEpoch(): Promise<bigint> {
  await db.$executeRaw`UPDATE "StoredPageEpoch" SET "siteChangedAt" = now() - interval '1 minute'`;
  return (await renderEpoch())!;
}

async function store(publicationId: number, locale: "ko" | "en" = "en", renderedBy = BUILD, epoch?: bigint) {
  return writeStoredPage({
    publicationId,
    locale,
    renderedBy,
    html: `<html><dd data-testid="hits" data-hit-figure="">7</dd> paper ${publicationId} ${locale}</html>`,
    headers: [["content-type", "text/html; charset=utf-8"]],
    epoch: epoch ?? (await settledEpoch()),
  });
}

/** Until a statement LIKE `pattern` waits for a lock. */
async function untilWaitingForLock(watcher: pg.Client, pattern: string) {
  await expect
    .poll(async () => {
      const { rows } = await watcher.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
        [pattern],
      );
      return rows[0]!.n;
    })
    .toBe(1);
}

/** Runs a locking statement that fails if it has to wait (2 s), and lets its locks go. */
async function lockAtOnce(client: pg.Client, sql: string, params: unknown[] = []) {
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL lock_timeout = '2s'");
    await client.query(sql, params);
  } finally {
    await client.query("ROLLBACK");
  }
}

const storedOf = (ids: number[]) =>
  db.storedPage.findMany({
    where: { publicationId: { in: ids } },
    select: { publicationId: true, locale: true },
    orderBy: [{ publicationId: "asc" }, { locale: "asc" }],
  });

describe("stored pages", () => {
  let seriesId: number;
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });
  afterAll(async () => {
    await endPools();
    await fresh.drop();
  });

  it("answers a public paper's stored page with its hit figure of now, for the build that stored it only", async () => {
    const paper = await createPublication({ seriesId, baseHits: 1_000 });
    expect(await store(paper.id)).toBe(true);
    // Counting's updates drop nothing: the figure is put in as the page is served.
    await db.publication.update({ where: { id: paper.id }, data: { viewCount: 234, downloadCount: 5 } });

    const read = await readStoredPage({ publicationId: paper.id, locale: "en" }, BUILD);
    expect(read?.hits).toBe(1_234);
    expect(read?.headers).toEqual([["content-type", "text/html; charset=utf-8"]]);
    expect(read?.ageSeconds).toBeLessThan(60);
    expect(withHitFigure(read!.html, read!.hits, "en")).toContain(`data-hit-figure="">1,234</dd>`);
    // Another build's scripts are not this build's; the other language was never stored.
    expect(await readStoredPage({ publicationId: paper.id, locale: "en" }, "build-b")).toBeNull();
    expect(await readStoredPage({ publicationId: paper.id, locale: "ko" }, BUILD)).toBeNull();
  });

  it("neither stores nor answers the page of a paper that is not public", async () => {
    const draft = await createPublication({ seriesId, status: "draft" });
    const scheduled = await createPublication({ seriesId, status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    expect(await store(draft.id)).toBe(false);
    expect(await store(scheduled.id)).toBe(false);
    expect(await store(999_999)).toBe(false);
  });

  it("does not store a page rendered before a change, nor one rendered in the seconds after a change to the site", async () => {
    const paper = await createPublication({ seriesId });
    const before = await settledEpoch();
    await db.publication.update({ where: { id: paper.id }, data: { title: "Retitled" } });
    expect(await store(paper.id, "en", BUILD, before)).toBe(false);
    // A paper's data is read afresh by every render: one rendered now may be stored.
    const after = (await renderEpoch())!;
    expect(after).toBeGreaterThan(before);
    expect(await store(paper.id, "en", BUILD, after)).toBe(true);
    // Other instances may still show their cached series and settings for a moment: no epoch to render with.
    await db.series.update({ where: { id: seriesId }, data: { nameKo: "새 이름" } });
    expect(await renderEpoch()).toBeNull();
    expect(await settledEpoch()).toBeGreaterThan(after);
  });

  it("drops a paper's pages when anything they show changes, by whatever path", async () => {
    const author = await createAuthor();
    const [a, b] = [await createPublication({ seriesId, authorIds: [author.id] }), await createPublication({ seriesId })];
    const twin = await createPublication({ seriesId, language: "ko", translationId: a.id });
    const storeAll = async () => {
      for (const [id, locale] of [
        [a.id, "en"],
        [a.id, "ko"],
        [b.id, "en"],
        [twin.id, "ko"],
      ] as const)
        expect(await store(id, locale)).toBe(true);
    };
    const ids = [a.id, b.id, twin.id];

    // Its body: its pages and its twin's (which links to it); not the series'.
    await storeAll();
    await db.$executeRaw`UPDATE "Publication" SET body = 'New body' WHERE id = ${a.id}`;
    expect(await storedOf(ids)).toEqual([{ publicationId: b.id, locale: "en" }]);

    // An author's name.
    await storeAll();
    await db.author.update({ where: { id: author.id }, data: { nameEn: "Renamed" } });
    expect(await storedOf(ids)).toEqual([
      { publicationId: b.id, locale: "en" },
      { publicationId: twin.id, locale: "ko" },
    ]);

    // A new paper in the series and language: the page of the paper before it (its next link); no other.
    await storeAll();
    await createPublication({ seriesId });
    expect(await storedOf(ids)).toEqual([
      { publicationId: a.id, locale: "ko" },
      { publicationId: a.id, locale: "en" },
      { publicationId: twin.id, locale: "ko" },
    ]);
    // Withdrawn: its page and those of the papers around it (in every language).
    await storeAll();
    await db.publication.update({ where: { id: b.id }, data: { status: "draft" } });
    expect(await storedOf(ids)).toEqual([{ publicationId: twin.id, locale: "ko" }]);
    await db.publication.update({ where: { id: b.id }, data: { status: "published" } });

    // A series' name shows in every page's header, as the site's settings do.
    await storeAll();
    await db.series.update({ where: { id: (await createSeries()).id }, data: { nameEn: "Renamed series" } });
    expect(await storedOf(ids)).toEqual([]);
  });

  it("takes the paper's lock before the epoch's, as a change does, so a paper deleted while its page is stored cannot deadlock", async () => {
    const paper = await createPublication({ seriesId, language: "en" });
    const epoch = await settledEpoch();
    // A change holding the paper's row (as a delete does before its trigger raises the epoch).
    const change = new pg.Client({ connectionString: fresh.url });
    const other = new pg.Client({ connectionString: fresh.url });
    await Promise.all([change.connect(), other.connect()]);
    try {
      await change.query("BEGIN");
      await change.query(`SELECT 1 FROM "Publication" WHERE id = $1 FOR UPDATE`, [paper.id]);
      const write = store(paper.id, "en", BUILD, epoch);
      // Until the write waits for a lock.
      await untilWaitingForLock(other, '%INSERT INTO "StoredPage"%');
      // Waiting for the paper, the write holds no lock on the epoch: the change's trigger could raise it.
      await lockAtOnce(other, `UPDATE "StoredPageEpoch" SET value = value WHERE id = 1`);
      await change.query("ROLLBACK");
      expect(await write).toBe(true);
    } finally {
      await Promise.all([change.end(), other.end()]);
    }
  });

  it("deletes a paper's pages only once it holds the epoch, so deleting two neighbours at once cannot deadlock", async () => {
    const paper = await createPublication({ seriesId, language: "en" });
    expect(await store(paper.id)).toBe(true);
    // A change holding the epoch (as another paper's delete does while it drops its neighbours' pages).
    const change = new pg.Client({ connectionString: fresh.url });
    const deleting = new pg.Client({ connectionString: fresh.url });
    const other = new pg.Client({ connectionString: fresh.url });
    await Promise.all([change.connect(), deleting.connect(), other.connect()]);
    try {
      await change.query("BEGIN");
      await change.query(`UPDATE "StoredPageEpoch" SET value = value + 1 WHERE id = 1`);
      const deleted = deleting.query(`DELETE FROM "Publication" WHERE id = $1`, [paper.id]);
      deleted.catch(() => undefined); // awaited below; ended with its client if the test fails first
      // Until the delete waits for a lock.
      await untilWaitingForLock(other, 'DELETE FROM "Publication"%');
      // Waiting for the epoch, the delete holds no lock on the paper's stored page: the other change may drop it.
      await lockAtOnce(other, `SELECT 1 FROM "StoredPage" WHERE "publicationId" = $1 FOR UPDATE`, [paper.id]);
      await change.query("ROLLBACK");
      await deleted;
    } finally {
      await Promise.all([change.end(), deleting.end(), other.end()]);
    }
    expect(await storedOf([paper.id])).toEqual([]);
  });

  it("drops the pages that link to a scheduled paper once its time has come, once, though no write announces it", async () => {
    const series = (await createSeries()).id;
    const before = await createPublication({ seriesId: series, publishedAt: new Date(Date.now() - 86_400_000) });
    const twin = await createPublication({ seriesId: series, language: "ko", publishedAt: new Date(Date.now() - 86_400_000) });
    await createPublication({
      seriesId: series,
      status: "scheduled",
      publishedAt: new Date(Date.now() + 1_000),
      translationId: twin.id,
    });
    await Promise.all([store(before.id), store(twin.id, "ko")]);
    expect(await dropPagesLinkingToPapersGoneLive()).toBe(0);
    expect(await storedOf([before.id, twin.id])).toHaveLength(2);

    // Its time comes: the paper before it now links to it as "next", its twin as its other language.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await dropPagesLinkingToPapersGoneLive()).toBe(1);
    expect(await storedOf([before.id, twin.id])).toEqual([]);
    // Stored again, they stay: the paper has been dealt with, by whichever instance.
    await Promise.all([store(before.id), store(twin.id, "ko")]);
    expect(await dropPagesLinkingToPapersGoneLive()).toBe(0);
    expect(await storedOf([before.id, twin.id])).toHaveLength(2);
  });

  it("lists the public papers whose page in their own language this build has not stored", async () => {
    await db.storedPage.deleteMany();
    await db.publication.updateMany({ data: { status: "draft" } });
    const en = await createPublication({ seriesId, language: "en" });
    const ko = await createPublication({ seriesId, language: "ko" });
    await createPublication({ seriesId, status: "draft" });
    const missing = (afterId = 0) => listMissingStoredPages({ renderedBy: BUILD, afterId, limit: 10 });

    expect(await missing()).toEqual([
      { publicationId: en.id, locale: "en" },
      { publicationId: ko.id, locale: "ko" },
    ]);
    expect(await missing(en.id)).toEqual([{ publicationId: ko.id, locale: "ko" }]);

    // Stored by this build: no longer missing; by another build, or in the other language only: missing still.
    expect(await store(en.id, "en")).toBe(true);
    expect(await store(ko.id, "ko", "build-old")).toBe(true);
    expect(await store(ko.id, "en")).toBe(true);
    expect(await missing()).toEqual([{ publicationId: ko.id, locale: "ko" }]);
  });

  it("stores a page ahead in one instance at a time, and only while it is missing", async () => {
    const paper = await createPublication({ seriesId, language: "en" });
    const key = { publicationId: paper.id, locale: "en" as const };
    let renders = 0;
    let finish!: () => void;
    const rendering = new Promise<void>((resolve) => (finish = resolve));
    // The first holds the page's lock while "rendering"; a second, on another connection, passes it by.
    const first = storeAheadAlone(key, BUILD, async () => {
      renders++;
      await rendering;
      expect(await store(paper.id, "en")).toBe(true);
    });
    await vi.waitFor(() => expect(renders).toBe(1));
    expect(await storeAheadAlone(key, BUILD, () => Promise.resolve(void renders++))).toBe(false);
    finish();
    expect(await first).toBe(true);
    // Lock released, page stored: not stored again; by another build it is missing, and stored.
    expect(await storeAheadAlone(key, BUILD, () => Promise.resolve(void renders++))).toBe(false);
    expect(await storeAheadAlone(key, "build-next", () => Promise.resolve(void renders++))).toBe(true);
    expect(renders).toBe(2);
    // A failed store releases the lock: the page is still missing, and the next try stores it.
    await db.storedPage.deleteMany({ where: { publicationId: paper.id } });
    await expect(storeAheadAlone(key, BUILD, () => Promise.reject(new Error("render failed")))).rejects.toThrow("render failed");
    expect(await storeAheadAlone(key, BUILD, () => store(paper.id, "en"))).toBe(true);
    expect(await listMissingStoredPages({ renderedBy: BUILD, afterId: paper.id - 1, beforeId: paper.id + 1, limit: 1 })).toEqual(
      [],
    );
  });
});

describe("what a page carries for the server that stores it", () => {
  it("has its hit figure replaced in its marked element only, as the page's language writes numbers", () => {
    const html = `<p>1,000</p><dd data-testid="hits" data-hit-figure="">1,000</dd><p>1,000</p>`;
    expect(withHitFigure(html, 1_234_567, "en")).toBe(
      `<p>1,000</p><dd data-testid="hits" data-hit-figure="">1,234,567</dd><p>1,000</p>`,
    );
    expect(withHitFigure(html, 0, "ko")).toBe(`<p>1,000</p><dd data-testid="hits" data-hit-figure="">0</dd><p>1,000</p>`);
    // A page without the element (rendered before it had one) is answered as it is.
    expect(withHitFigure("<p>1,000</p>", 5, "en")).toBe("<p>1,000</p>");
  });

  it("says the epoch it was rendered at, or none", () => {
    expect(renderedEpoch(`<main id="main" data-stored-epoch="42">`)).toBe(42n);
    expect(renderedEpoch(`<main id="main">`)).toBeNull();
  });
});
