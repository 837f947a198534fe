import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ListingPage } from "./pages/listing-page";
import { PublicationPage } from "./pages/publication-page";
import { queryE2e, seedPaperIds, storedHits } from "./support/db";

const cases = [
  {
    locale: "en",
    series: /^IFANS Perspectives \(\d+\)$/,
    title: "The North Korea-Russia Alliance and Korea’s Policy",
    author: "CHOI Wooseon",
    hits: 16664,
    file: "IFANS PERSPECTIVES 2024-14E(최우선).pdf",
    firstSection: "1. Introduction",
    otherTitle: "북한-러시아 동맹과 한국의 정책",
  },
  {
    locale: "ko",
    series: /^IFANS 정세와 정책 \(\d+\)$/,
    title: "북한-러시아 동맹과 한국의 정책",
    author: "최우선",
    hits: null,
    file: "IFANS 정세와 정책 2024-14(최우선).pdf",
    firstSection: null,
    otherTitle: "The North Korea-Russia Alliance and Korea’s Policy",
  },
] as const;

for (const c of cases) {
  test(`${c.locale}: a reader filters the catalogue and reads the seed paper`, async ({ page }) => {
    const listing = new ListingPage(page);
    await listing.goto(c.locale);
    await listing.facet(/^(Series|시리즈)$/, c.series).click();
    await expect(page).toHaveURL(/series=ifans-perspectives/);
    await listing.facet(/^(Year|연도)$/, /^2024 \(\d+\)$/).click();
    await expect(page).toHaveURL(/series=ifans-perspectives/);
    await expect(page).toHaveURL(/year=2024/);
    await expect(listing.items.filter({ hasText: c.title })).toHaveCount(1);
    for (const text of await listing.items.locator(".pub-list__byline time").allTextContents()) {
      expect(text.startsWith("2024-")).toBe(true);
    }

    await listing.link(c.title).click();
    const paper = new PublicationPage(page);
    await expect(paper.title).toHaveText(c.title);
    await expect(paper.facts.getByRole("link", { name: c.author })).toBeVisible();
    await expect(paper.facts).toContainText("2024-12-31");
    if (c.hits) {
      const shown = Number((await paper.hits.textContent())!.replace(/,/g, ""));
      expect(shown).toBeGreaterThanOrEqual(c.hits);
      expect(shown).toBeLessThanOrEqual(await storedHits((await seedPaperIds()).en));
    }
    await expect(paper.tocLinks).toHaveCount(6);
    await expect(paper.attachmentLinks).toHaveText([c.file]);

    // The table of contents leads to its section.
    const firstEntry = paper.tocLinks.first();
    const firstText = (await firstEntry.textContent())!;
    if (c.firstSection) expect(firstText).toBe(c.firstSection);
    await firstEntry.click();
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${anchor}"]`)).toHaveText(firstText);
    await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  });

  test(`${c.locale}: the attachment downloads with its stored bytes and its Korean name`, async ({ page }) => {
    const ids = await seedPaperIds();
    const id = ids[c.locale];
    const [stored] = await queryE2e<{ sha256: string; fileName: string }>(
      `select sha256, "fileName" from "Attachment" where "publicationId" = $1`,
      [id],
    );
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, id);
    const downloadPromise = page.waitForEvent("download");
    await paper.attachmentLinks.first().click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(stored!.fileName);
    const bytes = await readFile(await download.path());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(stored!.sha256);

    const href = await paper.attachmentLinks.first().getAttribute("href");
    const response = await page.request.get(href!);
    const disposition = response.headers()["content-disposition"]!;
    const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded!)).toBe(stored!.fileName);
    expect(disposition).toMatch(/filename="[\x20-\x7e]+"/);
  });

  test(`${c.locale}: previous/next and the language links lead where they say`, async ({ page }) => {
    const ids = await seedPaperIds();
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, ids[c.locale]);
    const prev = paper.neighbours.getByRole("link", { name: /Previous|이전 글/ });
    const prevTitle = (await prev.locator(".neighbours__title").textContent())!;
    await prev.click();
    await expect(paper.title).toHaveText(prevTitle);
    await paper.neighbours.getByRole("link", { name: /Next|다음 글/ }).click();
    await expect(paper.title).toHaveText(c.title);

    await paper.languageSwitch.click();
    const other = c.locale === "en" ? "ko" : "en";
    await expect(page).toHaveURL(new RegExp(`/${other}/publications/${ids[other]}$`));
    await expect(paper.title).toHaveText(c.otherTitle);
    await expect(page.locator("html")).toHaveAttribute("lang", other);
  });
}

test("a paper without a translation keeps its page in the other language, with a notice", async ({ page }) => {
  const [solo] = await queryE2e<{ id: number; title: string }>(
    `select p.id, p.title from "Publication" p where p.language = 'en' and p.status = 'published' and p."translationId" is null
       and not exists (select 1 from "Publication" t where t."translationId" = p.id) limit 1`,
  );
  const paper = new PublicationPage(page);
  await paper.goto("en", solo!.id);
  await paper.languageSwitch.click();
  await expect(page).toHaveURL(new RegExp(`/ko/publications/${solo!.id}$`));
  await expect(paper.title).toHaveText(solo!.title);
  await expect(page.getByRole("note")).toHaveText("이 간행물은 영어로만 제공됩니다.");
});

test("pagination keeps the filters", async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.goto("en", "?q=e");
  await expect(listing.resultCount).toHaveText(/^\d+ publications$/);
  const total = Number((await listing.resultCount.textContent())!.split(" ")[0]);
  expect(total, "the demo catalogue has more than a page of papers with an e").toBeGreaterThan(20);
  await listing.pagination.getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/q=e/);
  await expect(page).toHaveURL(/page=2/);
  await expect(listing.items).toHaveCount(Math.min(20, total - 20));
});

test("bad query values never break the listing", async ({ page }) => {
  for (const query of [
    "?page=-3",
    "?year=abc",
    "?page=99999",
    "?series=%00",
    `?q=${"x".repeat(5000)}`,
    "?author=1e400&topic=<script>",
  ]) {
    const response = await page.goto(`/en/publications${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publications");
  }
  await page.goto(`/en/publications?q=${"x".repeat(5000)}`);
  await expect(page.getByRole("status").filter({ hasText: "too long" })).toBeVisible();
});

test("the skip link is the first thing the keyboard reaches and moves focus to the content", async ({ page }) => {
  const paper = new PublicationPage(page);
  await paper.goto("ko", (await seedPaperIds()).ko);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "본문 바로가기" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("share buttons are plain links and no third-party script or request is made", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== "localhost" && host !== "127.0.0.1") foreign.push(r.url());
  });
  const paper = new PublicationPage(page);
  await paper.goto("en", (await seedPaperIds()).en);
  await expect(paper.share.getByRole("link", { name: /Facebook/ })).toHaveAttribute(
    "href",
    /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/,
  );
  await expect(paper.share.getByRole("link", { name: /X \(Twitter\)/ })).toHaveAttribute(
    "href",
    /^https:\/\/twitter\.com\/intent\/tweet\?/,
  );
  await expect(paper.share.getByRole("button", { name: "KakaoTalk" })).toBeVisible();
  await expect(paper.share.getByRole("button", { name: "Copy link" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  expect(scripts.every((src) => new URL(src).hostname === "localhost")).toBe(true);
});

test("screenshots of the publication page on a phone and a desktop", async ({ page }, testInfo) => {
  const { en, ko } = await seedPaperIds();
  for (const [width, height] of [
    [375, 812],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const [locale, id] of [
      ["en", en],
      ["ko", ko],
    ] as const) {
      await page.goto(`/${locale}/publications/${id}`);
      const path = testInfo.outputPath(`publication-${locale}-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`publication-${locale}-${width}`, { path, contentType: "image/png" });
      // Nothing runs off the side of a phone screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${locale} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
});

test("the publication page tells search engines and Google Scholar what it is", async ({ page }) => {
  const { en, ko } = await seedPaperIds();
  await page.goto(`/en/publications/${en}`);
  const meta = (name: string) => page.locator(`meta[name="${name}"]`);
  await expect(meta("citation_title")).toHaveAttribute("content", "The North Korea-Russia Alliance and Korea’s Policy");
  // "Family, Given": Scholar would read "CHOI" as the given name.
  await expect(meta("citation_author")).toHaveAttribute("content", "Choi, Wooseon");
  await expect(meta("citation_publication_date")).toHaveAttribute("content", "2024/12/31");
  await expect(meta("citation_technical_report_number")).toHaveAttribute("content", "IFANS PERSPECTIVES 2024-14E");
  await expect(meta("citation_pdf_url")).toHaveAttribute("content", new RegExp(`/en/publications/${en}/files/\\d+$`));
  await expect(meta("robots")).toHaveCount(0);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "The North Korea-Russia Alliance and Korea’s Policy",
  );
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/en/publications/${en}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="ko"]')).toHaveAttribute(
    "href",
    new RegExp(`/ko/publications/${ko}$`),
  );
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    "href",
    new RegExp(`/en/publications/${en}$`),
  );
  const card = new RegExp(`^http://localhost:\\d+/en/publications/${en}/card\\.png\\?v=\\d+$`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", card);
  await expect(meta("twitter:image")).toHaveAttribute("content", card);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
  expect(jsonLd).toMatchObject({
    "@type": "Report",
    headline: "The North Korea-Russia Alliance and Korea’s Policy",
    author: [{ name: "CHOI Wooseon" }],
    image: expect.stringMatching(card),
  });
});

test("the English paper under the Korean menus is a copy: not indexed, no citation tags", async ({ page }) => {
  const { en } = await seedPaperIds();
  await page.goto(`/ko/publications/${en}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name^="citation_"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/en/publications/${en}$`));
});

test("link previews get the paper's card: a PNG under its own page, none under the copy", async ({ page, request }) => {
  const { en, ko } = await seedPaperIds();
  await page.goto(`/ko/publications/${ko}`);
  const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
  const response = await request.get(new URL(image).pathname + new URL(image).search);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const bytes = await response.body();
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  expect((await request.get(`/ko/publications/${en}/card.png`)).status()).toBe(404);
});

test("the sitemap lists every published paper once, at its own language's page, and nothing unpublished", async ({ request }) => {
  const visibility = async () =>
    new Map(
      (
        await queryE2e<{ id: number; language: string; public: boolean }>(
          `select id, language::text, (status in ('published', 'scheduled') and "publishedAt" <= now()) as public from "Publication"`,
        )
      ).map((r) => [r.id, r]),
    );
  const before = await visibility();
  const xml = await (await request.get("/sitemap.xml")).text();
  const after = await visibility();
  // Papers other tests publish meanwhile change state between the two looks; the rest must match exactly.
  const stable = [...before.values()].filter((r) => after.get(r.id)?.public === r.public);
  expect(stable.length).toBeGreaterThan(60);
  for (const { id, language, public: isPublic } of stable) {
    const other = language === "ko" ? "en" : "ko";
    expect(xml.includes(`/${language}/publications/${id}</loc>`), `${language} ${id}`).toBe(isPublic);
    expect(xml.includes(`/${other}/publications/${id}</loc>`), `${other} ${id}`).toBe(false);
  }
});
