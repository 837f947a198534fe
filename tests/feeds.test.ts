import { parseFeed } from "@rowanmanning/feed-parser";
import type { Feed } from "@rowanmanning/feed-parser/lib/feed/base";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as seriesFeed } from "@/app/[locale]/(site)/series/[slug]/feed.xml/route";
import { GET as localeFeed } from "@/app/[locale]/feed.xml/route";
import { env } from "@/lib/env";
import { DEFAULT_SITE_SETTINGS } from "@/lib/site-settings/defaults";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";

// No settings row in the test database: the neutral defaults are the site's title.
const SITE_TITLE = DEFAULT_SITE_SETTINGS.siteTitle;

type Row = Awaited<ReturnType<typeof createPublication>>;

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

async function getLocaleFeed(locale: string) {
  return localeFeed(new Request(`http://localhost/${locale}/feed.xml`), { params: Promise.resolve({ locale }) });
}

async function getSeriesFeed(locale: string, slug: string) {
  const request = new Request(`http://localhost/${locale}/series/${slug}/feed.xml`);
  return seriesFeed(request, { params: Promise.resolve({ locale, slug }) });
}

async function parsed(response: Response): Promise<Feed> {
  expect(response.status).toBe(200);
  return parseFeed(await response.text());
}

const entryIds = (feed: Feed) => feed.items.map((i) => i.id);
const url = (locale: string, row: Row) => `${env().APP_URL}/${locale}/publications/${row.id}`;

describe("Atom feeds", () => {
  let series: Awaited<ReturnType<typeof createSeries>>;
  let otherSeries: Awaited<ReturnType<typeof createSeries>>;
  let author: Awaited<ReturnType<typeof createAuthor>>;
  let published: Row;
  let koOnly: Row;
  let pairEn: Row;
  let pairKo: Row;
  let dueScheduled: Row;
  let draft: Row;
  let future: Row;
  let elsewhere: Row;

  beforeAll(async () => {
    const id = uid();
    [series, otherSeries, author] = await Promise.all([createSeries(), createSeries(), createAuthor()]);
    const seriesId = series.id;
    published = await createPublication({
      seriesId,
      title: `Feed paper ${id}`,
      summary: `Why feeds matter ${id}`,
      publishedAt: secondsAgo(1),
      authorIds: [author.id],
    });
    koOnly = await createPublication({ seriesId, language: "ko", title: `한국어 논문 ${id}`, publishedAt: secondsAgo(2) });
    pairKo = await createPublication({ seriesId, language: "ko", title: `번역 논문 ${id}`, publishedAt: secondsAgo(3) });
    pairEn = await createPublication({
      seriesId,
      title: `Translated ${id}`,
      publishedAt: secondsAgo(3),
      translationId: pairKo.id,
    });
    dueScheduled = await createPublication({ seriesId, status: "scheduled", publishedAt: secondsAgo(4) });
    draft = await createPublication({ seriesId, status: "draft", title: `Draft ${id}` });
    future = await createPublication({ seriesId, status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    elsewhere = await createPublication({ seriesId: otherSeries.id, publishedAt: secondsAgo(1) });
  });

  it("serves Atom with a short public cache", async () => {
    const response = await getLocaleFeed("en");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const feed = await parsed(response);
    expect(feed.meta.type).toBe("atom");
    expect(feed.language).toBe("en");
    expect(feed.title).toContain(SITE_TITLE.en);
    expect(feed.self).toBe(`${env().APP_URL}/en/feed.xml`);
    expect(feed.url).toBe(`${env().APP_URL}/en/publications`);
  });

  it("lists a published paper with its title, link, author and dates", async () => {
    const feed = await parsed(await getLocaleFeed("en"));
    const entry = feed.items.find((i) => i.id === url("en", published));
    expect(entry).toBeDefined();
    expect(entry!.title).toBe(published.title);
    expect(entry!.url).toBe(url("en", published));
    expect(entry!.description).toBe(published.summary);
    expect(entry!.authors.map((a) => a.name)).toEqual([author.nameEn]);
    expect(entry!.categories.map((c) => c.label)).toEqual([series.nameEn]);
    expect(entry!.published?.toISOString()).toBe(published.publishedAt!.toISOString());
    expect(entry!.updated!.getTime()).toBeGreaterThanOrEqual(published.publishedAt!.getTime());
    expect(feed.updated!.getTime()).toBeGreaterThanOrEqual(entry!.updated!.getTime());
  });

  it("speaks the reader's language: Korean names and links in the Korean feed", async () => {
    const feed = await parsed(await getLocaleFeed("ko"));
    expect(feed.language).toBe("ko");
    expect(feed.title).toContain(SITE_TITLE.ko);
    const entry = feed.items.find((i) => i.id === url("ko", published));
    expect(entry?.url).toBe(url("ko", published));
    expect(entry?.authors.map((a) => a.name)).toEqual([author.nameKo]);
    expect(entry?.categories.map((c) => c.label)).toEqual([series.nameKo]);
  });

  it("leaves out drafts and papers scheduled for later, but not a schedule whose time has come", async () => {
    for (const locale of ["en", "ko"]) {
      const ids = entryIds(await parsed(await getLocaleFeed(locale)));
      expect(ids).toContain(url(locale, dueScheduled));
      expect(ids).not.toContain(url(locale, draft));
      expect(ids).not.toContain(url(locale, future));
    }
  });

  it("shows each paper once per series feed, in the reader's language when a version exists", async () => {
    const en = await parsed(await getSeriesFeed("en", series.slug));
    expect(en.title).toContain(series.nameEn);
    expect(en.url).toBe(`${env().APP_URL}/en/series/${series.slug}`);
    expect(en.self).toBe(`${env().APP_URL}/en/series/${series.slug}/feed.xml`);
    expect(new Set(entryIds(en))).toEqual(new Set([published, koOnly, pairEn, dueScheduled].map((r) => url("en", r))));

    const ko = await parsed(await getSeriesFeed("ko", series.slug));
    expect(ko.title).toContain(series.nameKo);
    expect(new Set(entryIds(ko))).toEqual(new Set([published, koOnly, pairKo, dueScheduled].map((r) => url("ko", r))));
    expect(entryIds(ko)).not.toContain(url("ko", elsewhere));
  });

  it("answers 404 for an unknown series or locale", async () => {
    expect((await getSeriesFeed("en", `no-such-series-${uid()}`)).status).toBe(404);
    expect((await getSeriesFeed("fr", series.slug)).status).toBe(404);
    expect((await getLocaleFeed("fr")).status).toBe(404);
  });
});
