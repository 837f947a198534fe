// A paper's body is most of its page. It is in the page's HTML once, not a
// second time in the component data React hydrates from
// (lib/render/handed-off-html.ts), and the reader sees it however they
// arrive: a full load, a link inside the site, the back and forward buttons.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { locales } from "@/lib/i18n/routing";
import { PublicationPage } from "./pages/publication-page";
import { queryE2e } from "./support/db";
import { translator } from "./support/messages";
import { createPaper } from "./support/papers";

/** A paper whose body holds a phrase no other page has, in several paragraphs. */
async function paperWithPhrase() {
  const phrase = `Maritime cooperation ${randomUUID().slice(0, 8)} rests on trust`;
  const body = `## Findings\n\n${phrase} built over years.\n\nA second paragraph.\n\n## Options\n\nA third paragraph.`;
  return { ...(await createPaper({ body })), phrase };
}

/**
 * Follows links inside the site to the paper, as a reader of a page that
 * runs React does: from the email alerts page (reader pages are sent without
 * React, server/plain-pages.ts, so their links load pages whole) to the
 * paper's series page through the menu, and from there to the paper. Both
 * are navigations inside the site, the series page drawn from its component
 * data.
 */
async function followLinkInsideSite(page: Page, locale: string, paper: { id: number; title: string }) {
  const [series] = await queryE2e<{ slug: string }>(
    `select s.slug from "Series" s join "Publication" p on p."seriesId" = s.id where p.id = $1`,
    [paper.id],
  );
  const link = page.getByRole("link", { name: paper.title, exact: true });
  // A paper written a moment ago is listed once the series' cached page (a few seconds) is renewed.
  await expect(async () => {
    await page.goto(`/${locale}/alerts`);
    // Marks this document: after a navigation inside the site the mark is still there, after a full load it is not.
    await page.evaluate(() => ((window as { sameDocument?: true }).sameDocument = true));
    await page.locator(`.site-header__nav a[href="/${locale}/series/${series!.slug}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/series/${series!.slug}$`));
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass();
  expect(await sameDocument(page), "the series page was reached inside the site").toBe(true);
  await link.click();
}

const sameDocument = (page: Page) => page.evaluate(() => (window as { sameDocument?: true }).sameDocument === true);

for (const locale of locales) {
  test(`${locale}: a paper's body is in its page's HTML once, in the body's place`, async ({ request }) => {
    // Arrange
    const paper = await paperWithPhrase();

    // Act
    const html = await (await request.get(`/${locale}/publications/${paper.id}`)).text();

    // Assert: once, after the body's opening tag (not again in the component data scripts).
    expect(html.split(paper.phrase)).toHaveLength(2);
    expect(html.indexOf('class="prose"')).toBeGreaterThan(-1);
    expect(html.indexOf(paper.phrase)).toBeGreaterThan(html.indexOf('class="prose"'));
  });

  test(`${locale}: a paper reached by a link inside the site shows its body, also after back and forward`, async ({ page }) => {
    // Arrange
    const paper = await paperWithPhrase();
    const publication = new PublicationPage(page);

    // Act
    await followLinkInsideSite(page, locale, paper);

    // Assert: the same document (a navigation inside the site), with the body fetched in.
    await expect(publication.title).toHaveText(paper.title);
    await expect(publication.body).toContainText(paper.phrase);
    await expect(publication.body.getByRole("heading", { name: "Options" })).toBeVisible();
    expect(await sameDocument(page)).toBe(true);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/${locale}/series/[^/]+$`));
    await page.goForward();
    await expect(publication.body).toContainText(paper.phrase);
    expect(await sameDocument(page)).toBe(true);
  });
}

test("when the body cannot be fetched after a navigation inside the site, the reader is told to reload", async ({ page }) => {
  // Arrange
  const paper = await paperWithPhrase();
  const publication = new PublicationPage(page);
  await page.route(`**/en/publications/${paper.id}/body`, (route) => route.abort());

  // Act
  await followLinkInsideSite(page, "en", paper);

  // Assert
  await expect(publication.title).toHaveText(paper.title);
  const failed = translator("en")("Publication.bodyFailed");
  await expect(page.getByRole("alert").filter({ hasText: failed })).toBeVisible();
  await expect(publication.body).not.toContainText(paper.phrase);
});

test("a paper's body on its own answers a public paper's HTML, and 404 for anything else", async ({ request }) => {
  // Arrange
  const paper = await paperWithPhrase();
  const draft = await paperWithPhrase();
  await queryE2e(`update "Publication" set status = 'draft' where id = $1`, [draft.id]);

  // Act
  const shown = await request.get(`/en/publications/${paper.id}/body`);
  const refused = await Promise.all(
    [
      `/en/publications/${draft.id}/body`,
      "/en/publications/999999999/body",
      "/en/publications/0x10/body",
      "/ko/publications/abc/body",
    ].map(async (path) => (await request.get(path)).status()),
  );

  // Assert
  expect(shown.status()).toBe(200);
  expect(shown.headers()["content-type"]).toBe("text/html; charset=utf-8");
  const html = await shown.text();
  expect(html).toContain(`<p>${paper.phrase} built over years.</p>`);
  expect(html).toContain(">Options</h2>");
  expect(refused).toEqual([404, 404, 404, 404]);
});
