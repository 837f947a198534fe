// An institute adopting the portal, as it really starts: `DEMO_DATA=false`, an
// empty database and two staff accounts. The admin makes the site the
// institute's own (name, logo, privacy policy, a series, a topic, a region),
// an editor publishes the first paper, and a reader finds it everywhere it
// belongs, under the institute's name, logo and favicon, in both languages.
// And nothing of the IFANS demo shows on any public page, before or after.
import { expect, test, type Page } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { SeriesAdminPage } from "./pages/series-admin-page";
import { SiteSettingsPage } from "./pages/site-settings";
import { TaxonomyAdminPage } from "./pages/taxonomy-admin-page";
import { signedIn, startFreshPortal, type FreshPortal } from "./support/fresh-portal";
import { translator, type Locale } from "./support/messages";
import { makePdf } from "./support/pdf";

/** Words of the demo institute that must not reach a reader of another institute's portal. */
const DEMO_WORDS = ["IFANS", "Institute of Foreign Affairs", "외교안보연구소"];

const ADMIN = { email: "admin@hanbit.test", password: "hanbit-admin-password", role: "ADMIN", name: "Admin" } as const;
const EDITOR = { email: "editor@hanbit.test", password: "hanbit-editor-password", role: "EDITOR", name: "Editor" } as const;

const INSTITUTE = { ko: "한빛정책연구원", en: "Hanbit Policy Institute" };
const SERIES = { slug: "hanbit-briefs", ko: "한빛 브리프", en: "Hanbit Briefs", prefix: "HANBIT BRIEF" };
const TOPIC = { slug: "maritime", ko: "해양", en: "Maritime affairs" };
const REGION = { slug: "arctic", ko: "북극", en: "Arctic" };
const PAPER = { title: "Shipping Lanes in a Warming Arctic", number: "2026-01E" };
const PRIVACY = {
  ko: "한빛정책연구원은 독자의 개인정보를 판매하지 않습니다.",
  en: "Hanbit Policy Institute never sells readers' data.",
};
// The institute's logo: a plain SVG wordmark.
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#114477"/><text x="8" y="27" fill="#fff" font-size="20">HANBIT</text></svg>`;

let portal: FreshPortal;

test.beforeAll(async () => {
  portal = await startFreshPortal("institute", [ADMIN, EDITOR], {
    MAIL_FROM: "Hanbit Policy Institute <no-reply@hanbit.test>",
  });
});

test.afterAll(async () => {
  await portal?.close();
});

/** Every public page (and feed, sitemap, robots) the portal has, the paper's own when there is one. */
function publicPaths(paperId?: number): string[] {
  const perLocale = (l: Locale) => [
    `/${l}`,
    `/${l}/publications`,
    `/${l}/publications?q=arctic`,
    `/${l}/privacy`,
    `/${l}/accessibility`,
    `/${l}/feed.xml`,
    `/${l}/sign-in`,
    `/${l}/no-such-page`,
    ...(paperId === undefined
      ? []
      : [
          `/${l}/series/${SERIES.slug}`,
          `/${l}/series/${SERIES.slug}/feed.xml`,
          `/${l}/topics/${TOPIC.slug}`,
          `/${l}/publications/${paperId}`,
        ]),
  ];
  const citations = paperId === undefined ? [] : ["bibtex", "ris"].map((f) => `/en/publications/${paperId}/cite/${f}`);
  return [...perLocale("ko"), ...perLocale("en"), "/sitemap.xml", "/robots.txt", ...citations];
}

/** The demo's words found in the public pages, as "path: word" lines. */
async function demoWordsOnPublicPages(paperId?: number): Promise<string[]> {
  const found: string[] = [];
  for (const p of publicPaths(paperId)) {
    const res = await fetch(`${portal.origin}${p}`);
    expect(res.status, p).toBeLessThan(500);
    const body = await res.text();
    for (const word of DEMO_WORDS) if (body.includes(word)) found.push(`${p}: ${word}`);
  }
  return found;
}

/** Reloads until the page shows `text` (reader pages are cached for a few seconds). */
async function eventuallyShows(page: Page, url: string, text: string) {
  await expect
    .poll(
      async () => {
        await page.goto(url);
        return page.getByText(text, { exact: false }).count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}

test("a new institute makes the portal its own; its first paper reaches readers under its name, in both languages", async ({
  browser,
}) => {
  test.slow();

  // Arrange: a new portal shows nothing of the demo, and neutral defaults.
  expect(await demoWordsOnPublicPages()).toEqual([]);
  expect((await fetch(`${portal.origin}/favicon.ico`)).status).toBe(200);
  // Its empty catalogue says there is nothing yet, not that filters nobody chose match nothing.
  for (const locale of ["ko", "en"] as const) {
    const listing = await (await fetch(`${portal.origin}/${locale}/publications`)).text();
    expect(listing).toContain(translator(locale)("Listing.emptyHere"));
    expect(listing).not.toContain(translator(locale)("Listing.empty"));
  }

  // Act 1: the admin (Korean interface) names the institute, uploads its logo, writes its privacy policy.
  const admin = await signedIn(browser, portal, ADMIN, "ko");
  const settings = new SiteSettingsPage(admin.page, "ko");
  await settings.goto();
  await settings.institutionName("ko").fill(INSTITUTE.ko);
  await settings.institutionName("en").fill(INSTITUTE.en);
  await settings.privacy("ko").fill(PRIVACY.ko);
  await settings.privacy("en").fill(PRIVACY.en);
  await settings.save.click();
  await expect(settings.savedStatus).toBeVisible();
  await settings.uploadLogo({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
  await expect(settings.logoPreview).toBeVisible();

  // ... creates a series, a topic and a region.
  const series = new SeriesAdminPage(admin.page, "ko");
  await series.gotoNew();
  await series.slug.fill(SERIES.slug);
  await series.reportPrefix.fill(SERIES.prefix);
  await series.name("ko").fill(SERIES.ko);
  await series.name("en").fill(SERIES.en);
  await series.create.click();
  await expect(admin.page).toHaveURL(/\/ko\/admin\/series\/\d+\?created=1$/);
  const taxonomy = new TaxonomyAdminPage(admin.page, "ko");
  for (const [kind, term] of [
    ["topics", TOPIC],
    ["regions", REGION],
  ] as const) {
    await taxonomy.goto(kind);
    await taxonomy.slug.fill(term.slug);
    await taxonomy.nameKo.fill(term.ko);
    await taxonomy.nameEn.fill(term.en);
    await taxonomy.add.click();
    await expect(admin.page.getByRole("cell", { name: term.ko, exact: true })).toBeVisible();
  }
  await admin.context.close();

  // Act 2: an editor (English interface) writes the first paper in that series, attaches its PDF and publishes it.
  const t = translator("en");
  const editorSession = await signedIn(browser, portal, EDITOR, "en");
  const editor = new EditorPage(editorSession.page);
  await editorSession.page.goto("/en/admin/publications/new");
  await editor.series.selectOption({ label: SERIES.en });
  await editor.reportNumber.fill(PAPER.number);
  await editor.language.selectOption("en");
  await editor.title.fill(PAPER.title);
  await editor.summary.fill("Where ships will sail as the ice retreats, and what it means for Korea's ports.");
  await editor.newAuthorKo.fill("김한빛");
  await editor.newAuthorEn.fill("KIM Hanbit");
  await editor.createAuthor.click();
  await editorSession.page.getByRole("checkbox", { name: TOPIC.en }).check();
  await editorSession.page.getByRole("checkbox", { name: REGION.en }).check();
  await editor.save.click();
  await expect(editorSession.page).toHaveURL(/\/en\/admin\/publications\/\d+\?created=1$/);
  const paperId = Number(/publications\/(\d+)/.exec(editorSession.page.url())![1]);
  const pdf = await makePdf("Shipping lanes");
  await editor.fileInput.setInputFiles({ name: "hanbit-brief-2026-01.pdf", mimeType: "application/pdf", buffer: pdf.bytes });
  await expect(editor.uploads.filter({ hasText: t("Uploads.uploaded", { fileName: "hanbit-brief-2026-01.pdf" }) })).toBeVisible();
  await editor.statusButton("publish").click();
  await expect(editor.currentStatus).toHaveText(t("Editor.status.published"));
  await editorSession.context.close();

  // Assert: a reader finds the paper on the front page, its series page, its topic page and the catalogue,
  // under the institute's name, logo, favicon and footer, in both languages.
  const readerContext = await browser.newContext({ baseURL: portal.origin });
  const reader = await readerContext.newPage();
  for (const locale of ["ko", "en"] as const) {
    const r = translator(locale);
    for (const url of [
      `/${locale}`,
      `/${locale}/series/${SERIES.slug}`,
      `/${locale}/topics/${TOPIC.slug}`,
      `/${locale}/publications`,
    ]) {
      await eventuallyShows(reader, url, PAPER.title);
      if (url.endsWith("/publications")) {
        // The catalogue's filters offer the institute's own series, topic and region: kept between
        // renders (lib/data/catalogue-choices.ts) until an editor changes them, as the admin just did.
        await expect(reader.getByRole("navigation", { name: r("Listing.series") })).toContainText(SERIES[locale]);
        await expect(reader.locator('select[name="topic"] option', { hasText: TOPIC[locale] })).toHaveCount(1);
        await expect(reader.locator('select[name="region"] option', { hasText: REGION[locale] })).toHaveCount(1);
      }
      const header = reader.locator("header.site-header");
      await expect(header, url).toContainText(INSTITUTE[locale]);
      await expect(header.locator("img.site-header__logo"), url).toHaveAttribute("src", /^\/api\/site\/logo\?v=/);
      await expect(reader.locator('link[rel="icon"]'), url).toHaveAttribute("href", /^\/favicon\.ico/);
      const footer = reader.locator("footer.site-footer");
      await expect(footer, url).toContainText(INSTITUTE[locale]);
      await expect(footer.getByRole("link", { name: r("Site.privacy") }), url).toBeVisible();
    }
    await reader
      .locator("footer.site-footer")
      .getByRole("link", { name: r("Site.privacy") })
      .click();
    await expect(reader.getByRole("main")).toContainText(PRIVACY[locale]);
  }
  const logo = await reader.request.get("/api/site/logo");
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toContain("image/svg+xml");
  const favicon = await reader.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);
  await readerContext.close();

  // ... and still no word of the demo anywhere public, the new paper's pages included.
  expect(await demoWordsOnPublicPages(paperId)).toEqual([]);
});
