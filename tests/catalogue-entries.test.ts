// What the catalogue and a search list comes from CatalogueEntry, kept by
// triggers in the same transaction as the change (migration
// 20261129085728_catalogue_entries). These tests change papers by ordinary
// writes and read the listing at once, without running the search indexer in
// between unless a test says so: a change of status, date, twin, series,
// topics or authors must show in the very next listing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPublications } from "@/lib/data/publications";
import { indexEveryQueuedPaper } from "./support/search-index";
import type { Locale } from "@/lib/i18n/routing";
import { createAuthor, createPublication, createSeries, createTopic, uid } from "./support/factories";

describe("the catalogue's entries", () => {
  let seriesId: number;
  let otherSeries: { id: number; slug: string };
  beforeAll(async () => {
    seriesId = (await createSeries()).id;
    otherSeries = await createSeries();
  });

  /** The ids a reader of `locale` is listed for papers by `authorId` (newest first), with the facets. */
  const listed = async (authorId: number, locale: Locale, extra: { q?: string; topic?: string } = {}) => {
    const r = await listPublications({ locale, author: authorId, sort: "newest", ...extra }, 1);
    return { ids: r.items.map((i) => i.id), total: r.total, series: r.facets.series, topics: r.facets.topics };
  };

  it("lists a paper the moment it is published, and drops it the moment it is not", async () => {
    const author = await createAuthor();
    const paper = await createPublication({ seriesId, status: "draft", authorIds: [author.id] });
    expect((await listed(author.id, "en")).ids).toEqual([]);
    await db.publication.update({ where: { id: paper.id }, data: { status: "published", publishedAt: new Date("2024-01-01") } });
    expect((await listed(author.id, "en")).ids).toEqual([paper.id]);
    await db.publication.update({ where: { id: paper.id }, data: { status: "archived" } });
    expect((await listed(author.id, "en")).ids).toEqual([]);
    // Scheduled for later: not yet; its time come: listed without any write.
    await db.publication.update({
      where: { id: paper.id },
      data: { status: "scheduled", publishedAt: new Date(Date.now() + 60_000) },
    });
    expect((await listed(author.id, "en")).ids).toEqual([]);
    await db.publication.update({ where: { id: paper.id }, data: { publishedAt: new Date(Date.now() - 1_000) } });
    expect((await listed(author.id, "en")).ids).toEqual([paper.id]);
  });

  it("hides a withdrawn paper from searches at once, before the index hears of it", async () => {
    const tag = uid();
    const author = await createAuthor();
    const paper = await createPublication({ seriesId, title: `Withdrawn ${tag}`, authorIds: [author.id] });
    await indexEveryQueuedPaper();
    expect((await listed(author.id, "en", { q: tag })).ids).toEqual([paper.id]);
    await db.publication.update({ where: { id: paper.id }, data: { status: "draft", publishedAt: null } });
    expect((await listed(author.id, "en", { q: tag })).ids).toEqual([]);
  });

  it("follows twins: linked, each reader sees one version; unlinked or deleted, both stand alone", async () => {
    const author = await createAuthor();
    const ko = await createPublication({ seriesId, language: "ko", authorIds: [author.id] });
    const en = await createPublication({ seriesId, language: "en", authorIds: [author.id] });
    expect((await listed(author.id, "ko")).ids.sort()).toEqual([ko.id, en.id].sort());
    await db.publication.update({ where: { id: en.id }, data: { translationId: ko.id } });
    expect((await listed(author.id, "ko")).ids).toEqual([ko.id]);
    expect((await listed(author.id, "en")).ids).toEqual([en.id]);
    await db.publication.update({ where: { id: en.id }, data: { translationId: null } });
    expect((await listed(author.id, "ko")).ids.sort()).toEqual([ko.id, en.id].sort());
    await db.publication.update({ where: { id: ko.id }, data: { translationId: en.id } });
    expect((await listed(author.id, "en")).ids).toEqual([en.id]);
    await db.publication.delete({ where: { id: en.id } });
    expect((await listed(author.id, "en")).ids).toEqual([ko.id]);
    expect((await listed(author.id, "ko")).ids).toEqual([ko.id]);
  });

  it("gives twins in one language an entry never public in the other: listed in their own, found nowhere else", async () => {
    const tag = uid();
    const author = await createAuthor();
    const first = await createPublication({ seriesId, language: "ko", title: `쌍둥이 ${tag}`, authorIds: [author.id] });
    const second = await createPublication({ seriesId, language: "ko", title: `쌍둥이 ${tag}`, authorIds: [author.id] });
    await db.publication.update({ where: { id: second.id }, data: { translationId: first.id } });
    await indexEveryQueuedPaper();
    // Neither fits an English reader: each has an English entry, shown as itself and never public,
    // so that a search's count of its documents knows they may drop out (lib/data/search-slice.ts).
    const english = await db.catalogueEntry.findMany({
      where: { language: "en", publicationId: { in: [first.id, second.id] } },
      select: { publicationId: true, targetId: true, visibleFrom: true },
      orderBy: { publicationId: "asc" },
    });
    expect(english).toEqual([
      { publicationId: first.id, targetId: first.id, visibleFrom: null },
      { publicationId: second.id, targetId: second.id, visibleFrom: null },
    ]);
    expect(await listed(author.id, "en")).toMatchObject({ ids: [], total: 0 });
    expect(await listed(author.id, "en", { q: tag })).toMatchObject({ ids: [], total: 0 });
    // A Korean reader is listed both, each as itself, as before.
    expect((await listed(author.id, "ko")).ids.sort()).toEqual([first.id, second.id].sort());
    // One made English: each reader gets the version in their language, both public.
    await db.publication.update({ where: { id: second.id }, data: { language: "en" } });
    expect((await listed(author.id, "en")).ids).toEqual([second.id]);
    expect((await listed(author.id, "ko")).ids).toEqual([first.id]);
    expect(await db.catalogueEntry.count({ where: { publicationId: { in: [first.id, second.id] }, visibleFrom: null } })).toBe(0);
  });

  it("counts a match by the paper it shows: its twin's series and topics, changed without re-indexing", async () => {
    const tag = uid();
    const author = await createAuthor();
    const ko = await createPublication({ seriesId, language: "ko", title: `해양 ${tag}`, authorIds: [author.id] });
    const en = await createPublication({
      seriesId: otherSeries.id,
      language: "en",
      title: `Maritime`,
      translationId: ko.id,
      authorIds: [author.id],
    });
    await indexEveryQueuedPaper();
    // The Korean words find the English version on /en, counted in the English version's series.
    const before = await listed(author.id, "en", { q: `해양 ${tag}` });
    expect(before.ids).toEqual([en.id]);
    expect([...(before.series?.values() ?? [])]).toEqual([1]);
    expect(before.series?.get(otherSeries.slug)).toBe(1);
    // A topic given to the English version counts at once, and filters.
    const topic = await createTopic([en.id]);
    const after = await listed(author.id, "en", { q: `해양 ${tag}` });
    expect(after.topics?.get(topic.slug)).toBe(1);
    expect((await listed(author.id, "en", { q: `해양 ${tag}`, topic: topic.slug })).ids).toEqual([en.id]);
    expect((await listed(author.id, "ko", { topic: topic.slug })).ids).toEqual([]);
    // Moved to another series: counted there.
    await db.publication.update({ where: { id: en.id }, data: { seriesId } });
    expect((await listed(author.id, "en", { q: `해양 ${tag}` })).series?.get(otherSeries.slug)).toBeUndefined();
    // The author taken off the English version: an author filter on /en no longer lists it.
    await db.authorship.deleteMany({ where: { publicationId: en.id } });
    expect((await listed(author.id, "en")).ids).toEqual([]);
    expect((await listed(author.id, "ko")).ids).toEqual([ko.id]);
  });

  it("gives every paper written in one statement its entries", async () => {
    const author = await createAuthor();
    const rows = Array.from({ length: 30 }, (_, i) => ({
      seriesId,
      reportNumber: `2024-${uid()}`,
      language: "en" as const,
      title: `Bulk ${i}`,
      status: "published" as const,
      publishedAt: new Date(Date.UTC(2024, 0, 1 + i)),
    }));
    const made = await db.publication.createManyAndReturn({ data: rows, select: { id: true } });
    await db.authorship.createMany({ data: made.map((p) => ({ publicationId: p.id, authorId: author.id, position: 0 })) });
    const r = await listed(author.id, "en");
    expect(r.total).toBe(30);
    expect(await db.catalogueEntry.count({ where: { publicationId: { in: made.map((p) => p.id) } } })).toBe(60);
  });
});
