import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ListingPage } from "./pages/listing-page";
import { PublicationPage } from "./pages/publication-page";
import { queryE2e, seedPaperIds, storedHits } from "./support/db";
import { translator } from "./support/messages";

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
  test(`${c.locale}: filtering the catalogue by series and year lists only that series' papers of that year`, async ({
    page,
  }) => {
    // Arrange: the listing as the server sends it, without React (server/plain-pages.ts): facets are links.
    const listing = new ListingPage(page);
    const html = await (await listing.goto(c.locale))!.text();
    expect(html).not.toContain("self.__next_f");
    expect(html).not.toMatch(/<script[^>]* src="\/_next\//);

    // Act
    await listing.facet("series", c.series).click();
    await expect(page).toHaveURL(/series=ifans-perspectives/);
    await listing.facet("year", /^2024 \(\d+\)$/).click();

    // Assert: both filters kept, the seed paper among the results, every result of 2024.
    await expect(page).toHaveURL(/series=ifans-perspectives/);
    await expect(page).toHaveURL(/year=2024/);
    await expect(listing.items.filter({ hasText: c.title })).toHaveCount(1);
    for (const text of await listing.items.locator(".pub-list__byline time").allTextContents()) {
      expect(text.startsWith("2024-")).toBe(true);
    }
  });

  test(`${c.locale}: the seed paper's page shows its author, date, hits, contents and file`, async ({ page }) => {
    // Arrange
    const ids = await seedPaperIds();
    const paper = new PublicationPage(page);

    // Act
    await paper.goto(c.locale, ids[c.locale]);

    // Assert
    await expect(paper.title).toHaveText(c.title);
    await expect(paper.facts.getByRole("link", { name: c.author })).toBeVisible();
    await expect(paper.facts).toContainText("2024-12-31");
    if (c.hits) {
      const shown = await paper.hitFigure();
      expect(shown).toBeGreaterThanOrEqual(c.hits);
      expect(shown).toBeLessThanOrEqual(await storedHits(ids.en));
    }
    await expect(paper.tocLinks).toHaveCount(6);
    await expect(paper.attachmentLinks).toHaveText([c.file]);
  });

  test(`${c.locale}: the table of contents leads to its section`, async ({ page }) => {
    // Arrange
    const ids = await seedPaperIds();
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, ids[c.locale]);
    const firstEntry = paper.tocLinks.first();
    const firstText = (await firstEntry.textContent())!;

    // Act
    await firstEntry.click();

    // Assert
    if (c.firstSection) expect(firstText).toBe(c.firstSection);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${anchor}"]`)).toHaveText(firstText);
    await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  });

  test(`${c.locale}: the attachment downloads with its stored bytes and its Korean name`, async ({ page }) => {
    // Arrange
    const ids = await seedPaperIds();
    const id = ids[c.locale];
    const [stored] = await queryE2e<{ sha256: string; fileName: string }>(
      `select sha256, "fileName" from "Attachment" where "publicationId" = $1`,
      [id],
    );
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, id);

    // Act
    const downloadPromise = page.waitForEvent("download");
    await paper.attachmentLinks.first().click();
    const download = await downloadPromise;
    const href = await paper.attachmentLinks.first().getAttribute("href");
    const response = await page.request.get(href!);

    // Assert: the same bytes, under the stored name (UTF-8, with an ASCII fallback for old clients).
    expect(download.suggestedFilename()).toBe(stored!.fileName);
    const bytes = await readFile(await download.path());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(stored!.sha256);
    const disposition = response.headers()["content-disposition"]!;
    const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded!)).toBe(stored!.fileName);
    expect(disposition).toMatch(/filename="[\x20-\x7e]+"/);
  });

  test(`${c.locale}: previous and next lead through the series and back`, async ({ page }) => {
    // Arrange
    const ids = await seedPaperIds();
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, ids[c.locale]);
    const prevTitle = (await paper.previous.locator(".neighbours__title").textContent())!;

    // Act
    await paper.previous.click();
    await expect(paper.title).toHaveText(prevTitle);
    await paper.next.click();

    // Assert
    await expect(paper.title).toHaveText(c.title);
  });

  test(`${c.locale}: related papers are listed in the paper's language, each leading to its page`, async ({ page }) => {
    // Arrange
    const ids = await seedPaperIds();
    const t = translator(c.locale);
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, ids[c.locale]);
    const related = page.getByRole("region", { name: t("Publication.related") });
    const links = related.getByRole("heading", { level: 3 }).getByRole("link");

    // Assert: a few other papers (neither this one nor its translation), each with its date as the catalogue's.
    const count = await links.count();
    expect(count, "the seed paper shares its topics and author with other papers").toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(4);
    const titles = await links.allTextContents();
    expect(titles).not.toContain(c.title);
    expect(titles).not.toContain(c.otherTitle);
    for (const time of await related.locator("time").all())
      expect(await time.getAttribute("datetime")).toBe(await time.textContent());

    // Act
    await links.first().click();

    // Assert
    await expect(paper.title).toHaveText(titles[0]!);
    await expect(page).toHaveURL(new RegExp(`/${c.locale}/publications/\\d+$`));
  });

  test(`${c.locale}: the language link leads to the paper's translation`, async ({ page }) => {
    // Arrange
    const ids = await seedPaperIds();
    const paper = new PublicationPage(page);
    await paper.goto(c.locale, ids[c.locale]);
    const other = c.locale === "en" ? "ko" : "en";

    // Act
    await paper.languageSwitch.click();

    // Assert
    await expect(page).toHaveURL(new RegExp(`/${other}/publications/${ids[other]}$`));
    await expect(paper.title).toHaveText(c.otherTitle);
    await expect(page.locator("html")).toHaveAttribute("lang", other);
  });
}

test("a paper without a translation keeps its page in the other language, with a notice", async ({ page }) => {
  // Arrange
  const [solo] = await queryE2e<{ id: number; title: string }>(
    `select p.id, p.title from "Publication" p where p.language = 'en' and p.status = 'published' and p."translationId" is null
       and not exists (select 1 from "Publication" t where t."translationId" = p.id) limit 1`,
  );
  const paper = new PublicationPage(page);
  await paper.goto("en", solo!.id);

  // Act
  await paper.languageSwitch.click();

  // Assert
  await expect(page).toHaveURL(new RegExp(`/ko/publications/${solo!.id}$`));
  await expect(paper.title).toHaveText(solo!.title);
  await expect(page.getByRole("note")).toHaveText(translator("ko")("Publication.onlyIn", { language: "en" }));
});

test("a paper's page marks where its language and the menus' differ, and its tools speak the menus' language", async ({
  page,
}) => {
  // Arrange: an English paper, on its own page and as the copy under the Korean menus.
  const [solo] = await queryE2e<{ id: number }>(
    `select p.id from "Publication" p where p.language = 'en' and p.status = 'published' and p."translationId" is null
       and not exists (select 1 from "Publication" t where t."translationId" = p.id) limit 1`,
  );
  const paper = new PublicationPage(page);
  const facts = page.locator(".publication__facts");

  // Act + Assert: its own page is English throughout, marked once.
  await paper.goto("en", solo!.id);
  await expect(page.locator("article")).toHaveAttribute("lang", "en");
  await expect(facts).not.toHaveAttribute("lang");
  await expect.poll(() => facts.evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("en");

  // Act + Assert: under the Korean menus, the paper is English and the menus' parts Korean, Send Email too.
  await paper.goto("ko", solo!.id);
  await expect(page.locator("article")).toHaveAttribute("lang", "en");
  await expect(facts).toHaveAttribute("lang", "ko");
  const ko = translator("ko");
  await page.getByRole("button", { name: ko("SendEmailDialog.open"), exact: true }).click();
  await expect(page.getByRole("dialog").getByRole("heading")).toHaveText(ko("SendEmailDialog.dialogTitle"));
  // The paper's address, said once on the page for all its tools, filled in and copied.
  await expect(page.getByRole("dialog").getByRole("textbox", { name: ko("SendEmailDialog.contentUrl") })).toHaveValue(
    new RegExp(`/en/publications/${solo!.id}$`),
  );
  await page.keyboard.press("Escape");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: ko("Share.copy"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: ko("ShareLink.copied") })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/en/publications/${solo!.id}$`));
});

test("reader pages come without React and with every message filled in, their links and filters working; pages with scripted forms keep React", async ({
  page,
  request,
}) => {
  // Arrange
  const [series] = await queryE2e<{ slug: string }>(`select slug from "Series" order by id limit 1`);
  const [topic] = await queryE2e<{ slug: string }>(
    `select t.slug from "Topic" t where exists (select 1 from "PublicationTopic" pt where pt."topicId" = t.id) order by t.id limit 1`,
  );
  const [author] = await queryE2e<{ id: number }>(`select "authorId" as id from "Authorship" order by "authorId" limit 1`);
  const plain = [
    "",
    "/publications",
    `/series/${series!.slug}`,
    `/topics/${topic!.slug}`,
    `/authors/${author!.id}`,
    "/privacy",
    "/accessibility",
  ];
  const withReact = (html: string) => html.includes("self.__next_f") || /<script[^>]* src="\/_next\//.test(html);

  for (const locale of ["en", "ko"]) {
    for (const path of plain) {
      // Act
      const response = await request.get(`/${locale}${path}`);

      // Assert
      expect(response.status(), `/${locale}${path}`).toBe(200);
      const html = await response.text();
      expect(withReact(html), `/${locale}${path}`).toBe(false);
      // Every message filled in: no "{institution}" left for a reader to see.
      expect(html, `/${locale}${path}`).not.toMatch(/>[^<]*\{[a-zA-Z]+\}[^<]*</);
    }
  }
  // The alerts form checks and sends with React (app/[locale]/(site)/alerts).
  expect(withReact(await (await request.get("/en/alerts")).text())).toBe(true);

  // Act: a series page on a phone, whose filters fold by the page's own line of script.
  const t = translator("en");
  await page.setViewportSize({ width: 375, height: 800 });
  const listing = new ListingPage(page);
  await page.goto(`/en/series/${series!.slug}`);
  const fold = page.locator(".catalogue__fold > summary");
  await expect(fold).toHaveText(new RegExp(`^${t("Listing.filtersSummary", { count: 0 })}`));
  await fold.click();
  const year = listing.facet("year", /^\d{4} \(\d+\)$/).first();
  const chosen = (await year.textContent())!.slice(0, 4);
  await year.click();

  // Assert: the year chosen, the series kept, every paper of that year.
  await expect(page).toHaveURL(new RegExp(`/en/series/${series!.slug}\\?.*year=${chosen}`));
  for (const text of await listing.items.locator(".pub-list__byline time").allTextContents())
    expect(text.slice(0, 4)).toBe(chosen);
  await listing.items.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/en\/publications\/\d+$/);
});

test("pagination keeps the filters", async ({ page }) => {
  // Arrange
  const t = translator("en");
  const listing = new ListingPage(page);
  await listing.goto("en", "?q=korea");
  const total = Number((await listing.resultCount.textContent())!.replace(/\D/g, ""));
  await expect(listing.resultCount).toHaveText(t("Listing.count", { count: total }));
  expect(total, "the demo catalogue has more than a page of papers that mention Korea").toBeGreaterThan(20);

  // Act
  await listing.pagination.getByRole("link", { name: t("Pagination.page", { page: 2 }) }).click();

  // Assert
  await expect(page).toHaveURL(/q=korea/);
  await expect(page).toHaveURL(/page=2/);
  await expect(listing.items).toHaveCount(Math.min(20, total - 20));
});

for (const query of [
  "?page=-3",
  "?year=abc",
  "?page=99999",
  "?series=%00",
  `?q=${"x".repeat(5000)}`,
  "?author=1e400&topic=<script>",
]) {
  test(`a bad query value never breaks the listing: ${query.slice(0, 40)}`, async ({ page }) => {
    // Act
    const response = await new ListingPage(page).goto("en", query);

    // Assert
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(translator("en")("Listing.title"));
  });
}

test("a search text that is too long is ignored, and the listing says so", async ({ page }) => {
  // Act
  await new ListingPage(page).goto("en", `?q=${"x".repeat(5000)}`);

  // Assert
  await expect(page.getByRole("status").filter({ hasText: translator("en")("Listing.searchTooLong") })).toBeVisible();
});

test("the skip link is the first thing the keyboard reaches and moves focus to the content", async ({ page }) => {
  // Arrange
  const paper = new PublicationPage(page);
  await paper.goto("ko", (await seedPaperIds()).ko);

  // Act
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: translator("ko")("Site.skipToContent") });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");

  // Assert
  await expect(page).toHaveURL(/#main$/);
});

test("share buttons are plain links to the services, and buttons for the rest", async ({ page }) => {
  // Arrange
  const t = translator("en");
  const paper = new PublicationPage(page);

  // Act
  await paper.goto("en", (await seedPaperIds()).en);

  // Assert
  await expect(paper.share.getByRole("link", { name: t("Share.facebook") })).toHaveAttribute(
    "href",
    /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/,
  );
  await expect(paper.share.getByRole("link", { name: t("Share.x") })).toHaveAttribute(
    "href",
    /^https:\/\/twitter\.com\/intent\/tweet\?/,
  );
  await expect(paper.share.getByRole("button", { name: t("Share.kakao") })).toBeVisible();
  await expect(paper.share.getByRole("button", { name: t("Share.copy") })).toBeVisible();
});

test("the publication page makes no third-party request and loads no third-party script", async ({ page }) => {
  // Arrange
  const foreign: string[] = [];
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== "localhost" && host !== "127.0.0.1") foreign.push(r.url());
  });
  const paper = new PublicationPage(page);

  // Act: the page and everything it loads.
  await paper.goto("en", (await seedPaperIds()).en);
  await page.waitForLoadState("networkidle");

  // Assert
  expect(foreign).toEqual([]);
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((src) => new URL(src).hostname === "localhost")).toBe(true);
});

for (const [width, height] of [
  [375, 812],
  [1280, 900],
] as const) {
  for (const locale of ["en", "ko"] as const) {
    test(`the ${locale} publication page fits a ${width}px wide screen (screenshot attached)`, async ({ page }, testInfo) => {
      // Arrange
      await page.setViewportSize({ width, height });

      // Act
      await new PublicationPage(page).goto(locale, (await seedPaperIds())[locale]);
      const path = testInfo.outputPath(`publication-${locale}-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`publication-${locale}-${width}`, { path, contentType: "image/png" });

      // Assert: nothing runs off the side of the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test("the publication page tells search engines and Google Scholar what it is", async ({ page }) => {
  // Arrange
  const { en, ko } = await seedPaperIds();

  // Act
  await page.goto(`/en/publications/${en}`);

  // Assert
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
  // Arrange
  const { en } = await seedPaperIds();

  // Act
  await page.goto(`/ko/publications/${en}`);

  // Assert
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name^="citation_"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/en/publications/${en}$`));
});

test("link previews get the paper's card: a 1200×630 PNG under its own page", async ({ page, request }) => {
  // Arrange
  const { ko } = await seedPaperIds();
  await page.goto(`/ko/publications/${ko}`);
  const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;

  // Act
  const response = await request.get(new URL(image).pathname + new URL(image).search);

  // Assert
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const bytes = await response.body();
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
});

test("a paper's copy under the other language's menus has no card", async ({ request }) => {
  // Arrange
  const { en } = await seedPaperIds();

  // Act
  const response = await request.get(`/ko/publications/${en}/card.png`);

  // Assert
  expect(response.status()).toBe(404);
});

test("the sitemap lists every published paper once, at its own language's page, and nothing unpublished", async ({ request }) => {
  // Arrange
  const visibility = async () =>
    new Map(
      (
        await queryE2e<{ id: number; language: string; public: boolean }>(
          `select id, language::text, (status in ('published', 'scheduled') and "publishedAt" <= now()) as public from "Publication"`,
        )
      ).map((r) => [r.id, r]),
    );
  const before = await visibility();

  // Act
  const xml = await (await request.get("/sitemap.xml")).text();

  // Assert: papers other tests publish meanwhile change state between the two looks; the rest must match exactly.
  const after = await visibility();
  const stable = [...before.values()].filter((r) => after.get(r.id)?.public === r.public);
  expect(stable.length).toBeGreaterThan(60);
  for (const { id, language, public: isPublic } of stable) {
    const other = language === "ko" ? "en" : "ko";
    expect(xml.includes(`/${language}/publications/${id}</loc>`), `${language} ${id}`).toBe(isPublic);
    expect(xml.includes(`/${other}/publications/${id}</loc>`), `${other} ${id}`).toBe(false);
  }
});
