import type { Metadata } from "next";
import { beforeAll, describe, expect, it, vi } from "vitest";
import robots from "@/app/robots";
import sitemap, { dynamic } from "@/app/sitemap";
import { env } from "@/lib/env";
import { createAuthor, createPublication, createSeries } from "./support/factories";

// The catalogue's metadata reads its title through next-intl's request-bound loader.
vi.mock("next-intl/server", () => import("./support/next-intl-server"));
// The pages' own metadata functions, as Next calls them.
const publicationPage = await import("@/app/[locale]/(site)/publications/[id]/page");
const cataloguePage = await import("@/app/[locale]/(site)/publications/page");
const seriesPage = await import("@/app/[locale]/(site)/series/[slug]/page");
const authorPage = await import("@/app/[locale]/(site)/authors/[id]/page");

type Row = Awaited<ReturnType<typeof createPublication>>;
type Sitemap = Awaited<ReturnType<typeof sitemap>>;

const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);
const abs = (path: string) => `${env().APP_URL}${path}`;
const page = (locale: string, row: Row) => abs(`/${locale}/publications/${row.id}`);
const noQuery = Promise.resolve({});

/** The metadata the page at this sitemap URL declares. */
function pageMetadata(url: string): Promise<Metadata> {
  const [, locale = "", kind, id] = new URL(url).pathname.split("/");
  const params = <T>(p: T) => ({ params: Promise.resolve(p), searchParams: noQuery }) as never;
  if (kind === "publications" && id) return publicationPage.generateMetadata(params({ locale, id }));
  if (kind === "publications") return cataloguePage.generateMetadata(params({ locale }));
  if (kind === "series") return seriesPage.generateMetadata(params({ locale, slug: id }));
  if (kind === "authors") return authorPage.generateMetadata(params({ locale, id }));
  throw new Error(`No page for ${url}`);
}

const absolute = (languages: unknown) =>
  Object.fromEntries(Object.entries(languages as Record<string, string>).map(([l, path]) => [l, abs(path)]));

describe("sitemap.xml and robots.txt", () => {
  let series: Awaited<ReturnType<typeof createSeries>>;
  let author: Awaited<ReturnType<typeof createAuthor>>;
  let draftOnlyAuthor: Awaited<ReturnType<typeof createAuthor>>;
  let lone: Row;
  let loneKo: Row;
  let pairKo: Row;
  let pairEn: Row;
  let withDraftTwin: Row;
  let draftTwin: Row;
  let draft: Row;
  let future: Row;
  let entries: Sitemap;

  const entry = (url: string) => entries.find((e) => e.url === url);
  /** The entries for what this file made: other test files add rows to the same database meanwhile. */
  const ours = () => [
    ...[lone, loneKo, pairKo, pairEn, withDraftTwin].flatMap((row) => ["ko", "en"].map((l) => entry(page(l, row)))),
    ...["ko", "en"].flatMap((l) => [
      entry(abs(`/${l}/publications`)),
      entry(abs(`/${l}/series/${series.slug}`)),
      entry(abs(`/${l}/authors/${author.id}`)),
    ]),
  ];

  beforeAll(async () => {
    [series, author, draftOnlyAuthor] = await Promise.all([createSeries(), createAuthor(), createAuthor()]);
    const seriesId = series.id;
    lone = await createPublication({ seriesId, publishedAt: secondsAgo(1), authorIds: [author.id] });
    loneKo = await createPublication({ seriesId, language: "ko", publishedAt: secondsAgo(1) });
    pairKo = await createPublication({ seriesId, language: "ko", publishedAt: secondsAgo(2) });
    pairEn = await createPublication({ seriesId, publishedAt: secondsAgo(2), translationId: pairKo.id });
    draftTwin = await createPublication({ seriesId, language: "ko", status: "draft" });
    withDraftTwin = await createPublication({ seriesId, publishedAt: secondsAgo(3), translationId: draftTwin.id });
    draft = await createPublication({ seriesId, status: "draft", authorIds: [draftOnlyAuthor.id] });
    future = await createPublication({ seriesId, status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    entries = await sitemap();
  });

  it("lists every public paper once, at its own language's page, with its last change", () => {
    for (const row of [lone, loneKo, pairKo, pairEn, withDraftTwin]) {
      const own = row.language;
      const other = own === "ko" ? "en" : "ko";
      const found = entry(page(own, row));
      expect(found, `${own} ${row.id}`).toBeDefined();
      expect(new Date(found!.lastModified!).toISOString()).toBe(row.updatedAt.toISOString());
      // The other language's URL shows the same paper under other menus: a copy, not listed.
      expect(entry(page(other, row)), `${other} ${row.id}`).toBeUndefined();
    }
  });

  it("leaves out drafts and papers scheduled for later", () => {
    for (const locale of ["ko", "en"]) {
      expect(entry(page(locale, draft))).toBeUndefined();
      expect(entry(page(locale, draftTwin))).toBeUndefined();
      expect(entry(page(locale, future))).toBeUndefined();
    }
  });

  it("points a translated pair's hreflang alternates at each paper's own page, and an untranslated paper's at itself alone", () => {
    const pair = { ko: page("ko", pairKo), en: page("en", pairEn), "x-default": page("ko", pairKo) };
    expect(entry(page("ko", pairKo))?.alternates?.languages).toEqual(pair);
    expect(entry(page("en", pairEn))?.alternates?.languages).toEqual(pair);
    // No `ko` alternate that is really the English paper.
    expect(entry(page("en", lone))?.alternates?.languages).toEqual({ en: page("en", lone) });
    expect(entry(page("ko", loneKo))?.alternates?.languages).toEqual({ ko: page("ko", loneKo) });
    // An unpublished translation is no alternate: it would be a 404.
    expect(entry(page("en", withDraftTwin))?.alternates?.languages).toEqual({ en: page("en", withDraftTwin) });
  });

  it("gives every URL the canonical and the alternates its page declares, itself among its alternates", async () => {
    const listed = ours().filter((e) => e !== undefined);
    expect(listed).toHaveLength(5 + 6);
    for (const { url, alternates } of listed) {
      const metadata = await pageMetadata(url);
      expect(abs(metadata.alternates?.canonical as string), url).toBe(url);
      expect(alternates?.languages, url).toEqual(absolute(metadata.alternates?.languages));
      expect(Object.values(alternates?.languages ?? {}), url).toContain(url);
    }
  });

  it("lists the listing, series and author pages in both languages", () => {
    for (const locale of ["ko", "en"]) {
      expect(entry(abs(`/${locale}/publications`))).toBeDefined();
      expect(entry(abs(`/${locale}/series/${series.slug}`))).toBeDefined();
      expect(entry(abs(`/${locale}/authors/${author.id}`))).toBeDefined();
      expect(entry(abs(`/${locale}/authors/${draftOnlyAuthor.id}`))).toBeUndefined();
    }
    expect(entry(abs(`/en/series/${series.slug}`))?.alternates?.languages).toEqual({
      ko: abs(`/ko/series/${series.slug}`),
      en: abs(`/en/series/${series.slug}`),
      "x-default": abs(`/ko/series/${series.slug}`),
    });
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
