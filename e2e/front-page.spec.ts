import { expect, test } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { FrontPage } from "./pages/front-page";
import { ListingPage } from "./pages/listing-page";
import { queryE2e } from "./support/db";
import { translator } from "./support/messages";
import { createPaper } from "./support/papers";
import { signInAs } from "./support/sign-in";

const LOCALES = ["en", "ko"] as const;

test("an editor features a paper in the editor, and readers find it under Featured on the front page in both languages", async ({
  browser,
}) => {
  // Arrange: a published paper of this spec's own, with the author every save needs.
  const paper = await createPaper({ language: "en" });
  await queryE2e(
    `insert into "Authorship" ("publicationId", "authorId", position) select $1, id, 0 from "Author" order by id limit 1`,
    [paper.id],
  );
  const staff = await browser.newContext();
  const editor = new EditorPage(await staff.newPage());
  const front = new FrontPage(await browser.newPage());
  try {
    await signInAs(editor.page, "editor");
    await editor.page.goto(`/en/admin/publications/${paper.id}`);

    // Act
    await editor.featured.check();
    await editor.save.click();
    await expect(editor.formStatus).toContainText(translator("en")("Editor.saved"));

    // Assert: a paper in one language only shows as it is on both front pages, as in the catalogue.
    for (const locale of LOCALES) {
      await front.goto(locale);
      await expect(front.featuredLink(paper.title), locale).toBeVisible();
    }
    const [row] = await queryE2e<{ featured: boolean }>(
      `select "featuredAt" is not null as featured from "Publication" where id = $1`,
      [paper.id],
    );
    expect(row?.featured).toBe(true);
  } finally {
    await staff.close();
    await queryE2e(`delete from "Publication" where id = $1`, [paper.id]);
  }
});

for (const locale of LOCALES) {
  test(`the front page's search box leads to the catalogue's results (${locale})`, async ({ page }) => {
    // Arrange
    const paper = await createPaper({ language: locale });
    const tag = paper.title.split(" ").at(-1)!;
    const front = new FrontPage(page);
    const listing = new ListingPage(page);
    try {
      // Indexed (the search itself is what this test is about, not how soon a new paper is found).
      await listing.searchUntilListed(locale, tag, paper.title);
      await front.goto(locale);

      // Act
      await front.search.fill(tag);
      await front.searchButton.click();

      // Assert
      await expect(page).toHaveURL(new RegExp(`/${locale}/publications\\?q=${tag}$`));
      await expect(listing.link(paper.title)).toBeVisible();
    } finally {
      await queryE2e(`delete from "Publication" where id = $1`, [paper.id]);
    }
  });

  test(`a series section on the front page leads to the series' page (${locale})`, async ({ page }) => {
    // Arrange
    const [series] = await queryE2e<{ slug: string; nameEn: string; nameKo: string }>(
      `select slug, "nameEn", "nameKo" from "Series" where slug = 'ifans-perspectives'`,
    );
    const name = locale === "ko" ? series!.nameKo : series!.nameEn;
    const front = new FrontPage(page);
    await front.goto(locale);

    // Act
    await front.seriesLink(name).click();

    // Assert
    await expect(page).toHaveURL(new RegExp(`/${locale}/series/${series!.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
}

for (const [browserLocale, landing] of [
  ["en-US", "/en"],
  ["ko-KR", "/ko"],
] as const) {
  test(`/ sends a browser set to ${browserLocale} to the front page at ${landing}`, async ({ browser }) => {
    // Arrange
    const context = await browser.newContext({ locale: browserLocale });
    const front = new FrontPage(await context.newPage());

    // Act
    await front.page.goto("/");

    // Assert
    expect(new URL(front.page.url()).pathname).toBe(landing);
    await expect(front.search).toBeVisible();
    await context.close();
  });
}
