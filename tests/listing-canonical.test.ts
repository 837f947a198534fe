import type { Metadata } from "next";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listingKey } from "@/lib/validations/listing-key";
import { createAuthor, createPublication, createSeries } from "./support/factories";

// The catalogue's metadata reads its title through next-intl's request-bound loader.
vi.mock("next-intl/server", () => import("./support/next-intl-server"));
const cataloguePage = await import("@/app/[locale]/(site)/publications/page");
const cachedCataloguePage = await import("@/app/[locale]/(site)/publications/view/[key]/page");
const seriesPage = await import("@/app/[locale]/(site)/series/[slug]/page");
const authorPage = await import("@/app/[locale]/(site)/authors/[id]/page");

type Props = { params: Record<string, string>; query: string };
const props = ({ params, query }: Props) =>
  ({
    params: Promise.resolve(params),
    searchParams: Promise.resolve(Object.fromEntries(new URLSearchParams(query))),
  }) as never;

/** The catalogue's canonical as a reader's browser reaches it: through the cached page when the server made a key. */
async function catalogue(locale: string, query: string): Promise<Metadata["alternates"]> {
  const key = listingKey(new URLSearchParams(query));
  const metadata = key
    ? await cachedCataloguePage.generateMetadata(props({ params: { locale, key }, query: "" }))
    : await cataloguePage.generateMetadata(props({ params: { locale }, query }));
  return metadata.alternates;
}

describe("canonical links of paginated and filtered listings", () => {
  let series: Awaited<ReturnType<typeof createSeries>>;
  let author: Awaited<ReturnType<typeof createAuthor>>;

  beforeAll(async () => {
    [series, author] = await Promise.all([createSeries(), createAuthor()]);
    // An author's page exists once a paper of theirs is public.
    await createPublication({ seriesId: series.id, authorIds: [author.id] });
  });

  it("makes page 2 of a filtered catalogue canonical to itself, its query in one canonical order", async () => {
    for (const query of ["page=2&series=x", "series=x&page=2", "series=x&page=2&year=abc&q=%20&page=7"]) {
      const alternates = await catalogue("en", query);
      expect(alternates?.canonical, query).toBe("/en/publications?page=2&series=x");
      expect(alternates?.languages, query).toEqual({
        ko: "/ko/publications?page=2&series=x",
        en: "/en/publications?page=2&series=x",
        "x-default": "/ko/publications?page=2&series=x",
      });
    }
  });

  it("gives the same canonical whether the page is served from the cache or rendered per request", async () => {
    const query = "year=2024&q=north%20korea&page=3&topic=security";
    const direct = await cataloguePage.generateMetadata(props({ params: { locale: "ko" }, query }));
    expect(direct.alternates?.canonical).toBe("/ko/publications?page=3&q=north+korea&topic=security&year=2024");
    expect(await catalogue("ko", query)).toEqual(direct.alternates);
  });

  it("leaves page 1 and unreadable parameters out, so the first page keeps its plain address", async () => {
    for (const query of ["", "page=1", "page=-3&year=abc&utm_source=x"]) {
      expect((await catalogue("ko", query))?.canonical, query).toBe("/ko/publications");
    }
  });

  it("makes a series page's later pages canonical to themselves, without the series it fixes", async () => {
    const metadata = await seriesPage.generateMetadata(
      props({ params: { locale: "en", slug: series.slug }, query: "series=other&year=2024&page=3" }),
    );
    expect(metadata.alternates?.canonical).toBe(`/en/series/${series.slug}?page=3&year=2024`);
    expect(metadata.alternates?.languages).toMatchObject({ ko: `/ko/series/${series.slug}?page=3&year=2024` });
  });

  it("makes an author page's later pages canonical to themselves, without the author it fixes", async () => {
    const metadata = await authorPage.generateMetadata(
      props({ params: { locale: "ko", id: String(author.id) }, query: "page=2&author=999" }),
    );
    expect(metadata.alternates?.canonical).toBe(`/ko/authors/${author.id}?page=2`);
    expect(metadata.alternates?.languages).toMatchObject({ en: `/en/authors/${author.id}?page=2` });
  });
});
