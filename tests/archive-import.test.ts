// `npm run import`: an institute's old archive comes in whole, once. These
// tests run the importer over a generated archive of 500 papers (ko/en pairs)
// with one line of every refused kind, on a database and storage folder of
// their own, so every count is exact.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { parseArchiveDate } from "@/lib/validations/archive";
import { generateArchive, writePublications, type GeneratedArchive } from "./support/archive";
import { createDatabase } from "./support/databases";

const fresh = await createDatabase("perspectives_import");
const scratch = await mkdtemp(path.join(os.tmpdir(), "perspectives-import-"));
const storageDir = path.join(scratch, "storage");
process.env.DATABASE_URL = fresh.url;
process.env.STORAGE_DIR = storageDir;
resetEnvCache();

const { db, endPools } = await import("@/lib/db");
const { importArchive } = await import("@/lib/import/importer");
const { formatReport } = await import("@/lib/import/report");
const { listPublications, getPublicPublication } = await import("@/lib/data/publications");
const { getAtomFeed } = await import("@/lib/data/feeds");
const { listSitemapPublications } = await import("@/lib/data/sitemap");
const { GET: fileRoute } = await import("@/app/[locale]/(site)/publications/[id]/files/[attachmentId]/route");
const { insertUsageEvents } = await import("@/lib/data/usage-events");
const { foldUsageEvents } = await import("@/lib/data/usage-fold");
const { storage } = await import("@/lib/storage");
const { importStorageKey } = await import("@/lib/import/attachments");
const { indexQueuedPapers } = await import("@/lib/data/search-index");

const SLOW = 300_000;

afterAll(async () => {
  await endPools();
  await fresh.drop();
  await rm(scratch, { recursive: true, force: true });
});

/** Every stored object, as paths under the storage folder. */
async function storedObjects(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function tableCounts() {
  const [publications, authors, series, topics, attachments, legacyUrls, importRuns, audit] = await Promise.all([
    db.publication.count(),
    db.author.count(),
    db.series.count(),
    db.topic.count(),
    db.attachment.count(),
    db.legacyUrl.count(),
    db.importRun.count(),
    db.auditLog.count(),
  ]);
  return {
    publications,
    authors,
    series,
    topics,
    attachments,
    legacyUrls,
    importRuns,
    audit,
    objects: (await storedObjects()).length,
  };
}

const paperOf = (legacyId: string) =>
  db.publication.findUniqueOrThrow({
    where: { legacyId },
    select: {
      id: true,
      title: true,
      version: true,
      updatedAt: true,
      baseHits: true,
      translationId: true,
      body: true,
      language: true,
    },
  });

/** What the report must list: the generator's expected refusals, each reason as a phrase it contains. */
const expectedRefusals = (archive: GeneratedArchive) =>
  archive.refusals.map((r) => ({ ...r, reason: expect.stringContaining(r.reason) as unknown }));

describe("importing an archive", () => {
  let archive: GeneratedArchive;

  beforeAll(async () => {
    archive = await generateArchive(path.join(scratch, "archive"), { prefix: "a", pairs: 250 });
  });

  it("reports on a dry run exactly what it would do, and writes nothing", { timeout: SLOW }, async () => {
    const before = await tableCounts();

    const report = await importArchive({ folder: archive.folder, dryRun: true });

    expect(report).toMatchObject({ dryRun: true, total: archive.lines.length, imported: 500, updated: 0, unchanged: 0 });
    expect(report.refused).toBe(archive.refusedLines);
    expect(report.refusals).toEqual(expectedRefusals(archive));
    expect(await tableCounts()).toEqual(before);
  });

  it("imports every valid paper and reports each refused line with its field and reason", { timeout: SLOW }, async () => {
    const report = await importArchive({ folder: archive.folder });

    expect(report).toMatchObject({ dryRun: false, interrupted: false, imported: 500, updated: 0, unchanged: 0 });
    expect(report.series).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.refused).toBe(archive.refusedLines);
    expect(report.refusals).toEqual(expectedRefusals(archive));
    const text = formatReport(report).split("\n");
    expect(text.slice(0, 5)).toEqual([
      "Series: 1 created, 0 updated, 0 unchanged.",
      "Imported: 500",
      "Updated: 0",
      "Unchanged: 0",
      `Refused: ${archive.refusedLines}`,
    ]);
    expect(text[5]).toMatch(/^series\.jsonl line 2: slug: /);
    expect(text).toContain(
      `line ${archive.refusals[1]!.line}: series: unknown series "no-such-series": add it to series.jsonl or create it in the portal first`,
    );

    // Only the valid papers, each with its one file (the same bytes named twice are stored once).
    expect(await db.publication.count()).toBe(500);
    expect(await db.attachment.count()).toBe(500);
    expect((await storedObjects()).length).toBe(500);
    expect(await db.author.count()).toBe(10);
    expect(await db.legacyUrl.count()).toBe(500);
    // Every pair linked, including those whose English line came first.
    for (const i of [0, 5, 249]) {
      const [ko, en] = [await paperOf(`a-${i}-ko`), await paperOf(`a-${i}-en`)];
      expect(en.translationId).toBe(ko.id);
    }
    // HTML became Markdown; the script is gone.
    const html = await paperOf("a-0-ko");
    expect(html.body).toContain("## Part 0");
    expect(html.body).toContain("**HTML**");
    expect(html.body).not.toContain("script");
  });

  it("stores each file with its bytes and Korean download name", async () => {
    const paper = await paperOf("a-0-ko");
    const [file] = await db.attachment.findMany({
      where: { publicationId: paper.id },
      select: { id: true, fileName: true, storageKey: true, pageCount: true, extractedText: true },
    });
    expect(file).toMatchObject({
      fileName: "보고서 0 원문.pdf",
      pageCount: 1,
      extractedText: expect.stringContaining("own report 0") as unknown,
    });
    const source = await readFile(path.join(archive.folder, "files", "own-0.pdf"));
    const stored = await readFile(path.join(storageDir, file!.storageKey));
    expect(stored.equals(source)).toBe(true);

    // As a reader downloads it: the same bytes, under the Korean name.
    const url = `http://localhost/ko/publications/${paper.id}/files/${file!.id}`;
    const params = Promise.resolve({ locale: "ko", id: String(paper.id), attachmentId: String(file!.id) });
    const download = await fileRoute(new Request(url), { params });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(source)).toBe(true);
    expect(download.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("보고서 0 원문.pdf")}`);
  });

  it("changes nothing on a second run over the same folder, and says so", { timeout: SLOW }, async () => {
    const before = await tableCounts();
    const sample = await paperOf("a-42-en");

    const report = await importArchive({ folder: archive.folder });

    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 500, refused: archive.refusedLines });
    expect(report.series).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await tableCounts()).toEqual(before);
    expect(await paperOf("a-42-en")).toEqual(sample);
  });

  it("updates only the paper whose line changed, with an audit entry", { timeout: SLOW }, async () => {
    const index = archive.lines.findIndex((l) => l.includes('"legacyId":"a-7-ko"'));
    const changed = [...archive.lines];
    changed[index] = changed[index]!.replace("보고서 7: 한반도 정세", "보고서 7: 개정판");
    await writePublications(archive.folder, changed);
    const before = await paperOf("a-7-ko");
    const untouched = await paperOf("a-8-ko");

    const report = await importArchive({ folder: archive.folder });

    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 499, refused: archive.refusedLines });
    const after = await paperOf("a-7-ko");
    expect(after).toMatchObject({ title: "보고서 7: 개정판", version: before.version + 1 });
    expect(await paperOf("a-8-ko")).toEqual(untouched);
    const audit = await db.auditLog.findFirst({
      where: { entityType: "publication", entityId: String(after.id) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      action: "import",
      userId: null,
      changes: { title: ["보고서 7: 한반도 정세", "보고서 7: 개정판"] },
    });
    expect(await db.attachment.count()).toBe(500);
    archive.lines = changed;
  });

  it("shows the old site's hits plus the views counted here, never the old hits twice", { timeout: SLOW }, async () => {
    const paper = await paperOf("a-9-ko");
    expect(paper.baseHits).toBe(90);
    const now = Date.now();
    await insertUsageEvents(
      [1, 2, 3].map((n) => ({
        kind: "view" as const,
        publicationId: paper.id,
        attachmentId: null,
        visitorHash: `v${n}`,
        at: now - 5000,
      })),
    );
    while ((await foldUsageEvents({ graceSeconds: 0 })) > 0);
    expect((await getPublicPublication(paper.id))?.hits).toBe(93);

    // A re-import with the old site's final count sets it; the views counted here stay.
    const index = archive.lines.findIndex((l) => l.includes('"legacyId":"a-9-ko"'));
    const changed = [...archive.lines];
    changed[index] = changed[index]!.replace('"hits":90', '"hits":95');
    await writePublications(archive.folder, changed);
    await importArchive({ folder: archive.folder });
    await importArchive({ folder: archive.folder });

    expect((await getPublicPublication(paper.id))?.hits).toBe(98);
    archive.lines = changed;
  });

  it("lists the imported papers in the catalogue, search, the feed and the sitemap like any other", async () => {
    const listing = await listPublications({ locale: "en", series: archive.seriesSlug }, 1);
    // One per pair, in the reader's language.
    expect(listing.total).toBe(250);
    expect(listing.items.every((p) => p.language === "en" && p.title.startsWith("Report "))).toBe(true);

    const feed = await getAtomFeed("en", archive.seriesSlug);
    expect(feed).not.toBeNull();
    expect(feed!.match(/<entry>/g)).toHaveLength(50);
    expect(feed).toContain(listing.items[0]!.title);

    // Found by the words of its title once indexed (the portal's indexer does it within seconds), and listed in the sitemap.
    await indexQueuedPapers();
    const found = await listPublications({ locale: "en", q: "Report 123:" }, 1);
    expect(found.items.map((p) => p.title)).toEqual(["Report 123: the Korean Peninsula"]);
    const imported = await db.publication.findMany({
      where: { legacyId: { not: null }, status: "published" },
      select: { id: true },
    });
    const inSitemap = new Set((await listSitemapPublications()).map((p) => p.id));
    expect(imported.length).toBeGreaterThanOrEqual(500);
    expect(imported.every((p) => inSitemap.has(p.id))).toBe(true);
  });
});

describe("an interrupted import", () => {
  it("finishes on the next run with the right counts and no duplicate paper, author or file", { timeout: SLOW }, async () => {
    const archive = await generateArchive(path.join(scratch, "interrupted"), { prefix: "r", pairs: 30, refusals: false });
    const abort = new AbortController();
    const objectsBefore = (await storedObjects()).length;

    // Stopped after 25 lines, as Ctrl-C would: the paper in progress finishes its transaction.
    const first = await importArchive({
      folder: archive.folder,
      signal: abort.signal,
      onProgress: (done) => done === 25 && abort.abort(),
    });
    expect(first).toMatchObject({ interrupted: true, imported: 25, refused: 0 });
    expect(await db.publication.count({ where: { legacyId: { startsWith: "r-" } } })).toBe(25);

    // As if a run had died after storing a file but before its row: the next run must reuse those bytes, not store a copy.
    const shared = await readFile(path.join(archive.folder, "files", "shared.pdf"));
    await storage().put(importStorageKey(createHash("sha256").update(shared).digest("hex"), "r-20-ko"), shared);

    const second = await importArchive({ folder: archive.folder });
    // Pair 5's English line comes before its Korean twin: it waited for the second pass, which the first run never reached.
    expect(second).toMatchObject({ interrupted: false, imported: 35, updated: 0, unchanged: 25, refused: 0 });

    const papers = await db.publication.findMany({
      where: { legacyId: { startsWith: "r-" } },
      select: {
        legacyId: true,
        legacyLineHash: true,
        translationId: true,
        language: true,
        _count: { select: { attachments: true } },
      },
    });
    expect(papers).toHaveLength(60);
    expect(papers.every((p) => p.legacyLineHash !== null && p._count.attachments === 1)).toBe(true);
    expect(papers.filter((p) => p.language === "en" && p.translationId !== null)).toHaveLength(30);
    expect(await db.author.count({ where: { legacyKey: { startsWith: "r-" } } })).toBe(10);
    expect(await db.author.count({ where: { nameKo: "저자 0" } })).toBe(2); // one per archive (different keys)
    expect((await storedObjects()).length).toBe(objectsBefore + 60);

    expect(await importArchive({ folder: archive.folder })).toMatchObject({ imported: 0, updated: 0, unchanged: 60 });
  });
});

describe("an archive's publishedAt", () => {
  it("reads a date or a date-time without offset as Seoul time, and keeps an explicit offset", () => {
    expect(parseArchiveDate("2019-07-15")?.toISOString()).toBe("2019-07-14T15:00:00.000Z");
    expect(parseArchiveDate("2019-07-16T10:00:00")?.toISOString()).toBe("2019-07-16T01:00:00.000Z");
    expect(parseArchiveDate("2019-07-16T10:00")?.toISOString()).toBe("2019-07-16T01:00:00.000Z");
    expect(parseArchiveDate("2019-07-16T10:00:00Z")?.toISOString()).toBe("2019-07-16T10:00:00.000Z");
    expect(parseArchiveDate("2019-07-16T10:00:00-05:00")?.toISOString()).toBe("2019-07-16T15:00:00.000Z");
  });

  it("refuses dates that do not exist or are not ISO", () => {
    for (const bad of ["2019-02-29", "2019-13-01", "2019-07-16T24:00", "16/07/2019", "2019-07-16 10:00", ""])
      expect(parseArchiveDate(bad), bad).toBeNull();
  });
});
