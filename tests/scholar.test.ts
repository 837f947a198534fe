import type { Metadata } from "next";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { generateMetadata } from "@/app/[locale]/(site)/publications/[id]/page";
import { formatRis } from "@/lib/citation";
import { getCitationData } from "@/lib/data/citations";
import { getPublicPublication } from "@/lib/data/publications";
import { env, resetEnvCache } from "@/lib/env";
import { publicationJsonLd } from "@/lib/seo/publication-metadata";
import { DEFAULT_SITE_SETTINGS } from "@/lib/site-settings/defaults";
import { createAuthor, createPublication, createSeries } from "./support/factories";

type Row = Awaited<ReturnType<typeof createPublication>>;
const locales = ["ko", "en"] as const;

/** The publication page's metadata as Next renders it into <head>. */
function metadataOf(locale: string, row: Row): Promise<Metadata> {
  return generateMetadata({ params: Promise.resolve({ locale, id: String(row.id) }) } as never);
}

const citationTags = (m: Metadata) => Object.keys(m.other ?? {}).filter((name) => name.startsWith("citation_"));
const noindex = (m: Metadata) => typeof m.robots === "object" && m.robots?.index === false;

describe("Google Scholar and link previews", () => {
  let pairKo: Row;
  let pairEn: Row;
  let loneEn: Row;
  let loneKo: Row;

  beforeAll(async () => {
    const series = await createSeries({ nameKo: "IFANS 정세와 정책", nameEn: "IFANS Perspectives" });
    const [park, choi, institute] = await Promise.all([
      createAuthor({ nameEn: "PARK Jiyoung", nameKo: "박지영" }),
      createAuthor({ nameEn: "NAMGUNG Min Su", nameKo: "남궁민수" }),
      createAuthor({ nameEn: "IFANS", nameKo: "외교안보연구소" }),
    ]);
    const authorIds = [park.id, choi.id, institute.id];
    pairKo = await createPublication({ seriesId: series.id, language: "ko", title: "북한-러시아 동맹", authorIds });
    pairEn = await createPublication({ seriesId: series.id, translationId: pairKo.id, authorIds });
    loneEn = await createPublication({ seriesId: series.id, authorIds });
    loneKo = await createPublication({ seriesId: series.id, language: "ko", authorIds });
  });

  it("gives exactly one page per paper the citation_* tags: its own language's; the other is noindex and canonical to it", async () => {
    for (const row of [pairKo, pairEn, loneEn, loneKo]) {
      const pages = await Promise.all(locales.map(async (l) => ({ locale: l, metadata: await metadataOf(l, row) })));
      const cited = pages.filter((p) => citationTags(p.metadata).length > 0);
      expect(
        cited.map((p) => p.locale),
        `paper ${row.id}`,
      ).toEqual([row.language]);
      expect(citationTags(cited[0]!.metadata)).toEqual(expect.arrayContaining(["citation_title", "citation_author"]));
      expect(noindex(cited[0]!.metadata)).toBe(false);
      const copy = pages.find((p) => p.locale !== row.language)!.metadata;
      expect(noindex(copy), `copy of paper ${row.id}`).toBe(true);
      expect(copy.alternates?.canonical).toBe(`/${row.language}/publications/${row.id}`);
    }
  });

  it("names the authors of an English paper 'Family, Given', as the RIS file does", async () => {
    const tags = (await metadataOf("en", pairEn)).other!;
    expect(tags.citation_author).toEqual(["Park, Jiyoung", "Namgung, Min Su", "IFANS"]);
    const ris = formatRis((await getCitationData(pairEn.id))!);
    expect(tags.citation_author).toEqual([...ris.matchAll(/^AU {2}- (.*)\r$/gm)].map((m) => m[1]));
  });

  it("keeps a Korean paper's authors' Korean names as written, as the RIS file does", async () => {
    const tags = (await metadataOf("ko", pairKo)).other!;
    expect(tags.citation_author).toEqual(["박지영", "남궁민수", "외교안보연구소"]);
    const ris = formatRis((await getCitationData(pairKo.id))!);
    expect(tags.citation_author).toEqual([...ris.matchAll(/^AU {2}- (.*)\r$/gm)].map((m) => m[1]));
  });

  it("declares hreflang alternates that are each paper's own page, none for a language a paper lacks", async () => {
    const pair = {
      ko: `/ko/publications/${pairKo.id}`,
      en: `/en/publications/${pairEn.id}`,
      "x-default": `/ko/publications/${pairKo.id}`,
    };
    expect((await metadataOf("ko", pairKo)).alternates?.languages).toEqual(pair);
    expect((await metadataOf("en", pairEn)).alternates?.languages).toEqual(pair);
    expect((await metadataOf("en", loneEn)).alternates?.languages).toEqual({ en: `/en/publications/${loneEn.id}` });
  });

  it("gives every paper a preview card, absolute from APP_URL, in og:image, twitter:image and the JSON-LD", async () => {
    const before = process.env.APP_URL;
    process.env.APP_URL = "https://perspectives.example.org";
    resetEnvCache();
    onTestFinished(() => {
      if (before === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = before;
      resetEnvCache();
    });
    for (const row of [pairKo, loneEn]) {
      const card = new RegExp(
        `^https://perspectives\\.example\\.org/${row.language}/publications/${row.id}/card\\.png\\?v=\\d+$`,
      );
      for (const locale of locales) {
        const m = await metadataOf(locale, row);
        const og = [m.openGraph?.images].flat()[0] as { url: string; width: number; height: number };
        expect(og.url).toMatch(card);
        expect(og).toMatchObject({ width: 1200, height: 630 });
        expect(([m.twitter?.images].flat()[0] as { url: string }).url).toBe(og.url);
        expect(m.twitter).toMatchObject({ card: "summary_large_image" });
        const jsonLd = publicationJsonLd((await getPublicPublication(row.id))!, env().APP_URL, DEFAULT_SITE_SETTINGS);
        expect(jsonLd.image).toBe(og.url);
      }
    }
  });
});
