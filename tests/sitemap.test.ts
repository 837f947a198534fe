import { beforeAll, describe, expect, it } from "vitest";
import robots from "@/app/robots";
import sitemap, { dynamic } from "@/app/sitemap";
import { env } from "@/lib/env";
import { createAuthor, createPublication, createSeries } from "./support/factories";

type Row = Awaited<ReturnType<typeof createPublication>>;
type Sitemap = Awaited<ReturnType<typeof sitemap>>;

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);
const abs = (path: string) => `${env().APP_URL}${path}`;
const page = (locale: string, row: Row) => abs(`/${locale}/publications/${row.id}`);

describe("sitemap.xml and robots.txt", () => {
  let series: Awaited<ReturnType<typeof createSeries>>;
  let author: Awaited<ReturnType<typeof createAuthor>>;
  let draftOnlyAuthor: Awaited<ReturnType<typeof createAuthor>>;
  let lone: Row;
  let pairKo: Row;
  let pairEn: Row;
  let withDraftTwin: Row;
  let draftTwin: Row;
  let draft: Row;
  let future: Row;
  let entries: Sitemap;

  const entry = (url: string) => entries.find((e) => e.url === url);

  beforeAll(async () => {
    [series, author, draftOnlyAuthor] = await Promise.all([createSeries(), createAuthor(), createAuthor()]);
    const seriesId = series.id;
    lone = await createPublication({ seriesId, publishedAt: secondsAgo(1), authorIds: [author.id] });
    pairKo = await createPublication({ seriesId, language: "ko", publishedAt: secondsAgo(2) });
    pairEn = await createPublication({ seriesId, publishedAt: secondsAgo(2), translationId: pairKo.id });
    draftTwin = await createPublication({ seriesId, language: "ko", status: "draft" });
    withDraftTwin = await createPublication({ seriesId, publishedAt: secondsAgo(3), translationId: draftTwin.id });
    draft = await createPublication({ seriesId, status: "draft", authorIds: [draftOnlyAuthor.id] });
    future = await createPublication({ seriesId, status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    entries = await sitemap();
  });

  it("lists every public publication in both languages, with its last change", () => {
    for (const locale of ["ko", "en"]) {
      const found = entry(page(locale, lone));
      expect(found).toBeDefined();
      expect(new Date(found!.lastModified!).toISOString()).toBe(lone.updatedAt.toISOString());
      expect(entry(page(locale, pairKo))).toBeDefined();
      expect(entry(page(locale, pairEn))).toBeDefined();
    }
  });

  it("leaves out drafts and papers scheduled for later", () => {
    for (const locale of ["ko", "en"]) {
      expect(entry(page(locale, draft))).toBeUndefined();
      expect(entry(page(locale, draftTwin))).toBeUndefined();
      expect(entry(page(locale, future))).toBeUndefined();
    }
  });

  it("points the hreflang alternates of a translated pair at each twin", () => {
    const pair = { ko: page("ko", pairKo), en: page("en", pairEn) };
    for (const url of [page("ko", pairKo), page("en", pairKo), page("ko", pairEn), page("en", pairEn)]) {
      expect(entry(url)?.alternates?.languages).toEqual(pair);
    }
    expect(entry(page("en", lone))?.alternates?.languages).toEqual({ ko: page("ko", lone), en: page("en", lone) });
    // An unpublished translation is no alternate: it would be a 404.
    expect(entry(page("ko", withDraftTwin))?.alternates?.languages).toEqual({
      ko: page("ko", withDraftTwin),
      en: page("en", withDraftTwin),
    });
  });

  it("lists the listing, series and author pages in both languages", () => {
    for (const locale of ["ko", "en"]) {
      expect(entry(abs(`/${locale}/publications`))).toBeDefined();
      expect(entry(abs(`/${locale}/series/${series.slug}`))).toBeDefined();
      expect(entry(abs(`/${locale}/authors/${author.id}`))).toBeDefined();
      expect(entry(abs(`/${locale}/authors/${draftOnlyAuthor.id}`))).toBeUndefined();
    }
    expect(entries.every((e) => e.url.startsWith(`${env().APP_URL}/`))).toBe(true);
  });

  it("is rendered per request, since builds have no database", () => {
    expect(dynamic).toBe("force-dynamic");
  });

  it("lets robots in, keeps them out of admin and API routes, and names the sitemap", () => {
    const result = robots();
    expect(result.sitemap).toBe(`${env().APP_URL}/sitemap.xml`);
    const rules = [result.rules].flat();
    expect(rules).toContainEqual(expect.objectContaining({ userAgent: "*", allow: "/" }));
    expect(rules.flatMap((r) => [r.disallow ?? []].flat())).toEqual(expect.arrayContaining(["/ko/admin", "/en/admin", "/api/"]));
  });
});
