import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET, revalidate } from "@/app/[locale]/(site)/publications/[id]/card.png/route";
import { revalidate as pageRevalidate } from "@/app/[locale]/(site)/publications/[id]/page";
import { typesetCard } from "@/lib/seo/card-fonts";
import { woffCodePoints } from "@/lib/seo/woff-glyphs";
import { createAuthor, createPublication, createSeries } from "./support/factories";

type Row = Awaited<ReturnType<typeof createPublication>>;

function card(locale: string, id: string | number) {
  return GET(new Request(`http://localhost/${locale}/publications/${id}/card.png`), {
    params: Promise.resolve({ locale, id: String(id) }),
  });
}

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Requests that leave the machine (satori loads its own WebAssembly through data: URLs). */
function watchFetch() {
  const spy = vi.spyOn(globalThis, "fetch");
  return () =>
    spy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input)).filter((u) => !u.startsWith("data:"));
}

describe("the publication's link-preview card", () => {
  let ko: Row;
  let en: Row;
  let draft: Row;
  let future: Row;

  beforeAll(async () => {
    const series = await createSeries({ nameKo: "IFANS 정세와 정책", nameEn: "IFANS Perspectives" });
    const author = await createAuthor({ nameKo: "박지영", nameEn: "PARK Jiyoung" });
    const authorIds = [author.id];
    // A pictograph and a letter the font lacks: they must be left out, not fetched from another host.
    ko = await createPublication({ seriesId: series.id, language: "ko", title: "북한-러시아 동맹과 韓美 정책 😀", authorIds });
    en = await createPublication({
      seriesId: series.id,
      title: "The Alliance and Koreaʼs “Policy”",
      authorIds,
      translationId: ko.id,
    });
    draft = await createPublication({ seriesId: series.id, status: "draft" });
    future = await createPublication({
      seriesId: series.id,
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
    });
  });

  it("answers a 1200×630 PNG for a published paper, Korean and English, fetching nothing from another host", async () => {
    const outside = watchFetch();
    for (const row of [ko, en]) {
      const response = await card(row.language, row.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
      expect(bytes.length).toBeGreaterThan(10_000);
    }
    expect(outside()).toEqual([]);
  });

  it("draws Korean with the shipped font: every character kept has a glyph in the fonts handed to satori", async () => {
    const { text, fonts } = await typesetCard(
      { title: { text: "북한-러시아 동맹과 韓美 정책 😀", weight: 700 }, authors: { text: "박지영, 최우선", weight: 400 } },
      "ko",
    );
    expect(text).toEqual({ title: "북한-러시아 동맹과 韓美 정책", authors: "박지영, 최우선" });
    const drawable = (weight: number) => {
      const glyphs = fonts.filter((f) => f.weight === weight).map((f) => woffCodePoints(f.data));
      return (ch: string) => ch === " " || glyphs.some((g) => g.has(ch.codePointAt(0)!));
    };
    expect([...text.title].filter((ch) => !drawable(700)(ch))).toEqual([]);
    expect([...text.authors].filter((ch) => !drawable(400)(ch))).toEqual([]);
  });

  it("answers 404 for unknown, malformed and unpublished ids, and under the other language's URL", async () => {
    for (const [locale, id] of [
      ["en", 999_999_999],
      ["en", "abc"],
      ["en", "0"],
      ["fr", en.id],
      [draft.language, draft.id],
      [future.language, future.id],
      ["en", ko.id],
      ["ko", en.id],
    ] as const) {
      const response = await card(locale, id);
      expect(response.status, `${locale} ${id}`).toBe(404);
    }
  });

  it("is cached and re-rendered like the page, so crawlers cannot make it render in a loop", () => {
    expect(revalidate).toBe(pageRevalidate);
    expect(revalidate).toBeGreaterThan(0);
  });
});
