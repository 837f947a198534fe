// A topic's page for readers: its public papers, with the catalogue's filters,
// its canonical and hreflang alternates, a 404 for an unknown topic, and its
// place in the sitemap.
import { beforeAll, describe, expect, it, vi } from "vitest";
import sitemap from "@/app/sitemap";
import { listPublications } from "@/lib/data/publications";
import { indexEveryQueuedPaper } from "./support/search-index";
import { getTopicBySlug } from "@/lib/data/tags";
import { env } from "@/lib/env";
import { parseListingQuery } from "@/lib/validations/publications";
import { createPublication, createSeries, createTopic, uid } from "./support/factories";

// The page's metadata reads its description through next-intl's request-bound loader.
vi.mock("next-intl/server", () => import("./support/next-intl-server"));
const topicPage = await import("@/app/[locale]/(site)/topics/[slug]/page");

const props = (params: Record<string, string>, query = "") =>
  ({
    params: Promise.resolve(params),
    searchParams: Promise.resolve(Object.fromEntries(new URLSearchParams(query))),
  }) as never;

describe("topic pages", () => {
  const tag = uid();
  let topic: Awaited<ReturnType<typeof createTopic>>;
  let draftOnlyTopic: Awaited<ReturnType<typeof createTopic>>;
  let seriesA: { id: number; slug: string };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    seriesA = await createSeries();
    const seriesB = await createSeries();
    const make = async (key: string, input: Parameters<typeof createPublication>[0]) => {
      ids[key] = (await createPublication({ title: `${key} ${tag}`, ...input })).id;
    };
    await make("a2024", { seriesId: seriesA.id, publishedAt: new Date("2024-05-01T00:00:00Z") });
    await make("b2024", { seriesId: seriesB.id, publishedAt: new Date("2024-04-01T00:00:00Z") });
    await make("a2023", { seriesId: seriesA.id, publishedAt: new Date("2023-05-01T00:00:00Z") });
    await make("draft", { seriesId: seriesA.id, status: "draft" });
    await make("future", { seriesId: seriesA.id, status: "scheduled", publishedAt: new Date(Date.now() + 86_400_000) });
    await make("otherTopic", { seriesId: seriesA.id, publishedAt: new Date("2024-05-01T00:00:00Z") });
    topic = await createTopic([ids.a2024!, ids.b2024!, ids.a2023!, ids.draft!, ids.future!]);
    await indexEveryQueuedPaper();
    await createTopic([ids.otherTopic!]);
    draftOnlyTopic = await createTopic([ids.draft!]);
  });

  /** The topic page's listing, as the page asks for it: its own topic fixed, the reader's filters from the query. */
  const listed = async (query: Record<string, string> = {}) => {
    const parsed = parseListingQuery(query).query;
    const result = await listPublications({ ...parsed, topic: topic.slug, locale: "en" }, parsed.page);
    return result.items.map((i) => i.title.replace(` ${tag}`, ""));
  };

  it("finds a topic by its slug with the number of papers readers can open, and nothing for an unknown slug", async () => {
    expect(await getTopicBySlug(topic.slug, "en")).toMatchObject({
      slug: topic.slug,
      nameEn: topic.nameEn,
      nameKo: topic.nameKo,
      paperCount: 3,
    });
    expect(await getTopicBySlug(`unknown-${tag}`, "en")).toBeNull();
  });

  it("lists only the topic's public papers, newest first: no drafts, nothing scheduled for later, no other topic", async () => {
    expect(await listed()).toEqual(["a2024", "b2024", "a2023"]);
  });

  it("combines the topic with the reader's series, year and search filters", async () => {
    expect(await listed({ series: seriesA.slug })).toEqual(["a2024", "a2023"]);
    expect(await listed({ year: "2024" })).toEqual(["a2024", "b2024"]);
    expect(await listed({ year: "2024", series: seriesA.slug })).toEqual(["a2024"]);
    expect(await listed({ q: `b2024 ${tag}` })).toEqual(["b2024"]);
    expect(await listed({ q: `otherTopic ${tag}` })).toEqual([]);
  });

  it("titles the page with the topic's name in the page's language", async () => {
    expect((await topicPage.generateMetadata(props({ locale: "en", slug: topic.slug }))).title).toBe(topic.nameEn);
    expect((await topicPage.generateMetadata(props({ locale: "ko", slug: topic.slug }))).title).toBe(topic.nameKo);
  });

  it("makes the page canonical to itself in its language, with both languages as alternates, without the topic it fixes", async () => {
    const first = await topicPage.generateMetadata(props({ locale: "ko", slug: topic.slug }));
    expect(first.alternates?.canonical).toBe(`/ko/topics/${topic.slug}`);
    expect(first.alternates?.languages).toEqual({
      ko: `/ko/topics/${topic.slug}`,
      en: `/en/topics/${topic.slug}`,
      "x-default": `/ko/topics/${topic.slug}`,
    });
    const later = await topicPage.generateMetadata(
      props({ locale: "en", slug: topic.slug }, "topic=other&year=2024&page=3&utm_source=x"),
    );
    expect(later.alternates?.canonical).toBe(`/en/topics/${topic.slug}?page=3&year=2024`);
    expect(later.alternates?.languages).toMatchObject({ ko: `/ko/topics/${topic.slug}?page=3&year=2024` });
  });

  it("answers an unknown topic with the not-found page", async () => {
    for (const slug of [`unknown-${tag}`, "Not A Slug!"]) {
      await expect(topicPage.default(props({ locale: "en", slug }))).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;404",
      });
      expect(await topicPage.generateMetadata(props({ locale: "en", slug }))).toEqual({});
    }
  });

  it("is in the sitemap in both languages, with its page's alternates, once it has a public paper", async () => {
    const entries = await sitemap();
    const abs = (path: string) => `${env().APP_URL}${path}`;
    const entry = (url: string) => entries.find((e) => e.url === url);
    for (const locale of ["ko", "en"]) {
      const metadata = await topicPage.generateMetadata(props({ locale, slug: topic.slug }));
      const found = entry(abs(`/${locale}/topics/${topic.slug}`));
      expect(found, locale).toBeDefined();
      expect(abs(metadata.alternates?.canonical as string)).toBe(found!.url);
      expect(found!.alternates?.languages).toEqual(
        Object.fromEntries(Object.entries(metadata.alternates?.languages ?? {}).map(([l, path]) => [l, abs(path as string)])),
      );
      // A topic whose only paper is a draft has nothing to show.
      expect(entry(abs(`/${locale}/topics/${draftOnlyTopic.slug}`)), locale).toBeUndefined();
    }
  });
});
