// The front page at /{locale}: the papers editors feature, each series' latest
// papers and the topics, as readers of each language may see them; the
// editor's "Feature on the front page" checkbox with its audit entries; the
// page's metadata and its place in the sitemap.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { FEATURED_LIMIT, LATEST_PER_SERIES, getFrontPage } from "@/lib/data/front-page";
import { getSiteSettings } from "@/lib/data/site-settings";
import { env } from "@/lib/env";
import en from "@/lib/i18n/messages/en.json";
import { signInAs } from "./support/auth-session";
import { createAuthor, createPublication, createSeries, createTopic, uid } from "./support/factories";

vi.mock("@/lib/auth", () => import("./support/auth-session"));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

const { savePublication } = await import("@/app/[locale]/(staff)/admin/publications/actions");
const frontPage = await import("@/app/[locale]/(site)/page");
const { default: sitemap } = await import("@/app/sitemap");

type Row = Awaited<ReturnType<typeof createPublication>>;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
/**
 * Pins dated past any pin another test file makes meanwhile ("now"), so the
 * papers this file pins are the front page's latest; each test its own year.
 */
const pinnedAt = (year: number, second: number) => new Date(Date.UTC(year, 0, 1, 0, 0, second));
const pinned = new Set<number>();
const pin = (row: { id: number }, at: Date | null) => {
  pinned.add(row.id);
  return db.publication.update({ where: { id: row.id }, data: { featuredAt: at } });
};

const ids = (items: { id: number }[]) => items.map((i) => i.id);
const props = (locale: string) => ({ params: Promise.resolve({ locale }), searchParams: Promise.resolve({}) }) as never;

describe("the front page's featured papers", () => {
  let seriesId: number;

  beforeAll(async () => {
    seriesId = (await createSeries()).id;
  });
  // Pins dated in the far future would outrank every later pin: taken off once these tests are done.
  afterAll(async () => {
    await db.publication.updateMany({ where: { id: { in: [...pinned] } }, data: { featuredAt: null } });
  });

  it(`shows at most ${FEATURED_LIMIT} pinned papers, the latest pin first, whatever their publication dates`, async () => {
    const papers: Row[] = [];
    for (let i = 0; i < FEATURED_LIMIT + 1; i++) papers.push(await createPublication({ seriesId, publishedAt: daysAgo(10 - i) }));
    // Pinned in the order 2, 0, 4, 1, 3: paper 3 last.
    for (const [second, i] of [2, 0, 4, 1, 3].entries()) await pin(papers[i]!, pinnedAt(2100, second));
    const unpinned = await createPublication({ seriesId, publishedAt: daysAgo(0) });

    for (const locale of ["en", "ko"] as const) {
      const { featured } = await getFrontPage(locale);
      // An untranslated paper shows in both languages, as in the catalogue.
      expect(ids(featured), locale).toEqual([3, 1, 4, 0].map((i) => papers[i]!.id));
      expect(ids(featured)).not.toContain(unpinned.id);
    }
  });

  it("never shows a pinned draft, a paper scheduled for later or an archived paper", async () => {
    const visible = await createPublication({ seriesId, publishedAt: daysAgo(1) });
    const scheduledDue = await createPublication({ seriesId, status: "scheduled", publishedAt: daysAgo(1) });
    const draft = await createPublication({ seriesId, status: "draft" });
    const future = await createPublication({ seriesId, status: "scheduled", publishedAt: new Date(Date.now() + DAY) });
    const archived = await createPublication({ seriesId, status: "archived", publishedAt: daysAgo(1) });
    await pin(visible, pinnedAt(2101, 0));
    await pin(scheduledDue, pinnedAt(2101, 1));
    for (const [second, row] of [draft, future, archived].entries()) await pin(row, pinnedAt(2101, 10 + second));

    const { featured } = await getFrontPage("en");

    expect(ids(featured).slice(0, 2)).toEqual([scheduledDue.id, visible.id]);
    for (const hidden of [draft, future, archived]) expect(ids(featured)).not.toContain(hidden.id);
  });

  it("drops a paper once it is unpinned", async () => {
    const paper = await createPublication({ seriesId, publishedAt: daysAgo(1) });
    await pin(paper, pinnedAt(2102, 0));
    expect(ids((await getFrontPage("en")).featured)[0]).toBe(paper.id);

    await pin(paper, null);

    expect(ids((await getFrontPage("en")).featured)).not.toContain(paper.id);
  });

  it("shows a pinned translated paper in the reader's language, whichever version the editor pinned", async () => {
    const ko = await createPublication({ seriesId, language: "ko", publishedAt: daysAgo(2) });
    const en = await createPublication({ seriesId, language: "en", publishedAt: daysAgo(2), translationId: ko.id });
    await pin(ko, pinnedAt(2103, 0));

    const [inKo, inEn] = [(await getFrontPage("ko")).featured, (await getFrontPage("en")).featured];

    expect(ids(inKo)[0]).toBe(ko.id);
    expect(ids(inKo)).not.toContain(en.id);
    expect(ids(inEn)[0]).toBe(en.id);
    expect(ids(inEn)).not.toContain(ko.id);
  });
});

describe("the front page's latest papers by series", () => {
  it(`lists each series' ${LATEST_PER_SERIES} latest public papers, series in display order, archived series left out`, async () => {
    // Display order: `second` after `first` though made before it.
    const second = await createSeries({ sortOrder: 900_001 });
    const first = await createSeries({ sortOrder: 900_000 });
    const archived = await createSeries({ sortOrder: 900_000 });
    const draftsOnly = await createSeries({ sortOrder: 900_000 });
    const inFirst: Row[] = [];
    for (let i = 0; i < LATEST_PER_SERIES + 1; i++)
      inFirst.push(await createPublication({ seriesId: first.id, publishedAt: daysAgo(20 - i) }));
    const draft = await createPublication({ seriesId: first.id, status: "draft" });
    const future = await createPublication({ seriesId: first.id, status: "scheduled", publishedAt: new Date(Date.now() + DAY) });
    const inSecond = await createPublication({ seriesId: second.id, publishedAt: daysAgo(30) });
    const inArchived = await createPublication({ seriesId: archived.id, publishedAt: daysAgo(1) });
    await createPublication({ seriesId: draftsOnly.id, status: "draft" });
    await db.series.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

    const { series } = await getFrontPage("en");
    const slugs = series.map((s) => s.slug);
    const section = (slug: string) => series.find((s) => s.slug === slug);

    expect(ids(section(first.slug)?.items ?? [])).toEqual([3, 2, 1].map((i) => inFirst[i]!.id));
    expect(section(first.slug)).toMatchObject({ nameEn: first.nameEn, nameKo: first.nameKo });
    expect(ids(section(second.slug)?.items ?? [])).toEqual([inSecond.id]);
    expect(slugs.indexOf(first.slug)).toBeLessThan(slugs.indexOf(second.slug));
    expect(slugs).not.toContain(archived.slug);
    expect(slugs).not.toContain(draftsOnly.slug);
    expect(series.flatMap((s) => ids(s.items))).not.toEqual(expect.arrayContaining([draft.id]));
    expect(series.flatMap((s) => ids(s.items))).not.toEqual(expect.arrayContaining([future.id]));
    expect(series.flatMap((s) => ids(s.items))).not.toEqual(expect.arrayContaining([inArchived.id]));
  });

  it("lists a translated paper once, in the reader's language", async () => {
    const series = await createSeries();
    const ko = await createPublication({ seriesId: series.id, language: "ko", publishedAt: daysAgo(3) });
    const en = await createPublication({ seriesId: series.id, language: "en", publishedAt: daysAgo(3), translationId: ko.id });
    const koOnly = await createPublication({ seriesId: series.id, language: "ko", publishedAt: daysAgo(4) });

    const listed = async (locale: "ko" | "en") =>
      ids((await getFrontPage(locale)).series.find((s) => s.slug === series.slug)?.items ?? []);

    expect(await listed("ko")).toEqual([ko.id, koOnly.id]);
    expect(await listed("en")).toEqual([en.id, koOnly.id]);
  });
});

describe("the front page's topics", () => {
  it("lists the topics with papers readers can open, with how many the topic's page lists", async () => {
    const seriesId = (await createSeries()).id;
    const published = await createPublication({ seriesId, publishedAt: daysAgo(1) });
    const other = await createPublication({ seriesId, publishedAt: daysAgo(2) });
    const draft = await createPublication({ seriesId, status: "draft" });
    const future = await createPublication({ seriesId, status: "scheduled", publishedAt: new Date(Date.now() + DAY) });
    const topic = await createTopic([published.id, other.id, draft.id]);
    const hiddenOnly = await createTopic([draft.id, future.id]);
    const empty = await createTopic();

    const { topics } = await getFrontPage("en");
    const slugs = topics.map((t) => t.slug);

    expect(topics.find((t) => t.slug === topic.slug)).toEqual({
      slug: topic.slug,
      nameKo: topic.nameKo,
      nameEn: topic.nameEn,
      paperCount: 2,
    });
    expect(slugs).not.toContain(hiddenOnly.slug);
    expect(slugs).not.toContain(empty.slug);
  });
});

describe("the editor's 'Feature on the front page'", () => {
  let editorId = "";
  let authorId = 0;
  let seriesId = 0;

  beforeAll(async () => {
    editorId = (await db.user.create({ data: { email: `editor-${uid()}@front-page.test`, role: "EDITOR" } })).id;
    authorId = (await createAuthor()).id;
    // The factory's report numbers ("2024-" and eight hex digits) are this series' pattern.
    seriesId = (await createSeries({ reportNumberPattern: "^20[0-9]{2}-[0-9a-f]{8}$" })).id;
  });

  function paperForm(paper: { reportNumber: string; title: string }, version: number, featured: boolean) {
    const f = new FormData();
    const fields: Record<string, string> = {
      seriesId: String(seriesId),
      reportNumber: paper.reportNumber,
      language: "en",
      translationId: "",
      title: paper.title,
      subtitle: "",
      summary: "",
      body: "",
      authors: JSON.stringify([{ id: authorId }]),
      version: String(version),
    };
    // A checkbox: sent only when ticked.
    if (featured) fields.featured = "on";
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return f;
  }

  const featuredAt = async (id: number) =>
    (await db.publication.findUniqueOrThrow({ where: { id }, select: { featuredAt: true } })).featuredAt;
  const pinAudits = (id: number) =>
    db.auditLog.findMany({
      where: { entityType: "publication", entityId: String(id), action: { in: ["feature", "unfeature"] } },
      orderBy: { id: "asc" },
      select: { action: true, userId: true, changes: true },
    });

  it("pins on a ticked save, keeps the first pin's time on later saves, unpins on an unticked one; each change audited", async () => {
    const paper = await createPublication({ seriesId, publishedAt: daysAgo(1), authorIds: [authorId] });
    signInAs(editorId);

    const before = Date.now();
    const pinned = await savePublication("en", paper.id, { ok: false }, paperForm(paper, paper.version, true));
    expect(pinned).toMatchObject({ ok: true, version: paper.version + 1 });
    const at = await featuredAt(paper.id);
    expect(at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(ids((await getFrontPage("en")).featured)).toContain(paper.id);

    const again = await savePublication("en", paper.id, { ok: false }, paperForm(paper, paper.version + 1, true));
    expect(again).toMatchObject({ ok: true });
    expect(await featuredAt(paper.id)).toEqual(at);

    const unpinned = await savePublication("en", paper.id, { ok: false }, paperForm(paper, paper.version + 2, false));
    expect(unpinned).toMatchObject({ ok: true });
    expect(await featuredAt(paper.id)).toBeNull();
    expect(ids((await getFrontPage("en")).featured)).not.toContain(paper.id);

    expect(await pinAudits(paper.id)).toEqual([
      { action: "feature", userId: editorId, changes: { featuredAt: [null, at!.toISOString()] } },
      { action: "unfeature", userId: editorId, changes: { featuredAt: [at!.toISOString(), null] } },
    ]);
  });

  it("leaves the pin alone when the save is refused as a conflict", async () => {
    const paper = await createPublication({ seriesId, publishedAt: daysAgo(1), authorIds: [authorId] });
    signInAs(editorId);
    await savePublication("en", paper.id, { ok: false }, paperForm(paper, paper.version, true));
    const at = await featuredAt(paper.id);

    // Another editor's form, opened before the pin: its unticked box must not unpin.
    const stale = await savePublication("en", paper.id, { ok: false }, paperForm(paper, paper.version, false));

    expect(stale).toEqual({ ok: false, message: en.Editor.conflict });
    expect(await featuredAt(paper.id)).toEqual(at);
    expect((await pinAudits(paper.id)).map((a) => a.action)).toEqual(["feature"]);
  });

  it("pins a new paper created with the box ticked", async () => {
    signInAs(editorId);
    const paper = { reportNumber: `2025-${uid()}`, title: `Pinned at birth ${uid()}` };

    const result = await savePublication("en", null, { ok: false }, paperForm(paper, 0, true)).catch((e: unknown) => e);

    expect((result as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT/);
    const created = await db.publication.findFirstOrThrow({
      where: { title: paper.title },
      select: { id: true, featuredAt: true },
    });
    expect(created.featuredAt).not.toBeNull();
    expect((await pinAudits(created.id)).map((a) => a.action)).toEqual(["feature"]);
  });
});

describe("the front page itself", () => {
  it("is titled with the site's title in the page's language, canonical to itself with both languages as alternates", async () => {
    const site = await getSiteSettings();
    for (const locale of ["ko", "en"] as const) {
      const metadata = await frontPage.generateMetadata(props(locale));
      expect(metadata.title).toEqual({ absolute: site.siteTitle[locale] });
      expect(metadata.alternates?.canonical).toBe(`/${locale}`);
      expect(metadata.alternates?.languages).toEqual({ ko: "/ko", en: "/en", "x-default": "/ko" });
    }
  });

  it("is rendered per request, since builds have no database", () => {
    expect(frontPage.dynamic).toBe("force-dynamic");
  });

  it("is in the sitemap in both languages, with its page's alternates", async () => {
    const entries = await sitemap();
    const abs = (path: string) => `${env().APP_URL}${path}`;
    for (const locale of ["ko", "en"]) {
      const entry = entries.find((e) => e.url === abs(`/${locale}`));
      expect(entry, locale).toBeDefined();
      expect(entry!.alternates?.languages).toEqual({ ko: abs("/ko"), en: abs("/en"), "x-default": abs("/ko") });
    }
  });
});
