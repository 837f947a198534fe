import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ListingPage } from "./pages/listing-page";
import { queryE2e } from "./support/db";
import { translator, type Locale } from "./support/messages";
import { createPaper } from "./support/papers";

/** A paper whose phrase lives only on page 2 of its PDF's text, and whose body has a "Findings" section. */
async function paperWithPdf(language: Locale) {
  const paper = await createPaper({ language });
  const tag = randomUUID().slice(0, 8);
  const phrase = language === "ko" ? `해저케이블 복원력 ${tag}` : `seabed cable resilience ${tag}`;
  await queryE2e(
    `insert into "Attachment" ("publicationId", "fileName", "byteSize", sha256, "mediaType", "storageKey", "extractedText")
     values ($1, 'annex.pdf', 1, lpad($2, 64, '0'), 'application/pdf', $3, $4)`,
    [paper.id, tag, `e2e/${tag}`, `Cover page\fAnnex: ${phrase}.\fEnd`],
  );
  await queryE2e(`update "Publication" set body = $2 where id = $1`, [
    paper.id,
    `Intro.\n\n## Background\n\nNothing.\n\n## Findings\n\nThe breakwater ${tag} held.`,
  ]);
  return { ...paper, tag, phrase };
}

for (const locale of ["en", "ko"] as const) {
  test(`a phrase from a PDF finds its paper, with the page it is on (${locale})`, async ({ page }) => {
    // Arrange
    const t = translator(locale);
    const paper = await paperWithPdf(locale);
    const listing = new ListingPage(page);
    try {
      // Act
      await listing.searchUntilListed(locale, paper.phrase, paper.title);

      // Assert: the result says where it matched, and marks the words.
      const result = listing.items.filter({ has: listing.link(paper.title) });
      await expect(result.locator(".pub-list__found")).toHaveText(t("Listing.foundInPdf", { page: 2 }));
      await expect(result.locator("mark").last()).toHaveText(paper.tag);
      await expect(result.locator(".pub-list__title mark")).toHaveCount(0);
      // Listed by best match: the page's introduction claims no other order (it once said "newest first").
      await expect(page.locator("main .lead")).not.toContainText(locale === "en" ? "newest" : "최신순");

      // A search for a word of its title marks it there.
      const titleWord = paper.title.split(" ").at(-1)!;
      await listing.searchUntilListed(locale, titleWord, paper.title);
      await expect(result.locator(".pub-list__title mark")).toHaveText(titleWord);
    } finally {
      await queryE2e(`delete from "Publication" where id = $1`, [paper.id]);
    }
  });

  test(`search inside a paper lists its sections and PDF pages and jumps to the section (${locale})`, async ({ page }) => {
    // Arrange
    const t = translator(locale);
    const paper = await paperWithPdf(locale);
    try {
      await page.goto(`/${locale}/publications/${paper.id}`);
      const box = page.getByRole("search").filter({ has: page.getByLabel(t("FindInPaper.label")) });

      // Act
      await box.getByLabel(t("FindInPaper.label")).fill(paper.tag);
      await box.getByRole("button", { name: t("FindInPaper.button") }).click();

      // Assert: the Findings section, and page 2 of the PDF, where the phrase is.
      const results = page.locator(".find-in-paper__results li");
      await expect(results).toHaveCount(2);
      await expect(results.nth(1).getByRole("link")).toHaveText(`annex.pdf · ${t("FindInPaper.pdfPage", { page: 2 })}`);
      // Opened in the browser's PDF viewer (not saved), at that page.
      await expect(results.nth(1).getByRole("link")).toHaveAttribute("href", /\/files\/\d+\?view=inline#page=2$/);
      await results.nth(0).getByRole("link", { name: "Findings" }).click();
      await expect(page).toHaveURL(/#section-findings$/);
      await expect(page.getByRole("heading", { name: "Findings" })).toBeInViewport();
    } finally {
      await queryE2e(`delete from "Publication" where id = $1`, [paper.id]);
    }
  });
}

test("on a phone, results come first and the filters fold into a disclosure that says how many are on", async ({ page }) => {
  // Arrange: every layout shift the page makes from its first byte is summed, as Lighthouse's CLS sums them.
  const t = translator("en");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const listing = new ListingPage(page);

  // Act
  await listing.goto("en", "?q=korea&year=2024");

  // Assert: a paper in sight, the filters one line that opens.
  const fold = page.locator(".catalogue__fold > summary");
  await expect(fold).toHaveText(t("Listing.filtersSummary", { count: 2 }));
  await expect(listing.items.first()).toBeInViewport();
  await expect(listing.facet("year", /^2024/)).toBeHidden();
  // Folded before the first paint, not once the page's script runs: nothing moves under the reader's eyes.
  await page.waitForLoadState("load");
  const shift = await page.evaluate(async () => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    return (window as unknown as { layoutShift: number }).layoutShift;
  });
  expect(shift).toBeLessThan(0.05);
  await fold.click();
  await expect(listing.facet("year", /^2024/)).toBeVisible();
});

test("a search that finds nothing with its filters offers to drop each of them", async ({ page }) => {
  // Arrange
  const t = translator("en");
  const listing = new ListingPage(page);

  // Act
  await listing.goto("en", "?q=korea&year=1999");
  await page.getByRole("link", { name: t("Listing.withoutFilter", { label: "1999" }) }).click();

  // Assert
  await expect(page).toHaveURL(/\/en\/publications\?q=korea$/);
  await expect(listing.items.first()).toBeVisible();
});

test("every reader page's header searches the catalogue, in the page's language", async ({ page }) => {
  // Arrange
  const t = translator("ko");
  await page.goto("/ko/privacy");
  const header = page.getByRole("search", { name: t("Site.searchLandmark") });

  // Act
  await header.getByLabel(t("Site.searchLabel")).fill("북러동맹");
  await header.getByRole("button", { name: t("Site.search") }).click();

  // Assert
  await expect(page).toHaveURL(/\/ko\/publications\?q=%EB%B6%81%EB%9F%AC%EB%8F%99%EB%A7%B9$/);
  await expect(new ListingPage(page).link("북한-러시아 동맹과 한국의 정책")).toBeVisible();
});

test("a search for an author marks the name in the results' bylines, in either script", async ({ page }) => {
  // Arrange
  const listing = new ListingPage(page);

  // Act
  await page.goto(`/ko/publications?q=${encodeURIComponent("최우선")}`);

  // Assert: the Korean page shows the Korean name, marked.
  await expect(listing.items.first().locator(".pub-list__byline mark")).toHaveText("최우선");

  // Act
  await page.goto(`/en/publications?q=${encodeURIComponent("CHOI Wooseon")}`);

  // Assert: each word of the name, marked where the English page shows it; nothing marked in a title without it.
  await expect(listing.items.first().locator(".pub-list__byline mark")).toHaveText(["CHOI", "Wooseon"]);
  await expect(listing.items.first().locator(".pub-list__title mark")).toHaveCount(0);
});

test("a paper found only by a region's name says it was found in its topics and regions", async ({ page }) => {
  // Arrange: demo papers tagged with the region "Europe" (유럽) whose texts never name it.
  const listing = new ListingPage(page);
  for (const [locale, q, name] of [
    ["en", "europe", "Europe"],
    ["ko", "유럽", "유럽"],
  ] as const) {
    const t = translator(locale);

    // Act
    await page.goto(`/${locale}/publications?q=${encodeURIComponent(q)}`);

    // Assert: such a result names where it was found, and the region's name is marked there.
    const snippet = listing.items.locator(".pub-list__snippet", { hasText: t("Listing.foundInSubjects") }).first();
    await expect(snippet).toBeVisible();
    await expect(snippet.locator("mark")).toHaveText(name);
  }
});
