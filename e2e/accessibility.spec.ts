import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { queryE2e, seedPaperIds } from "./support/db";
import { signInAs } from "./support/sign-in";

// One page per test: axe takes seconds per page, and a slower machine must
// not push a test of many pages past the test timeout.

/**
 * axe's WCAG 2.2 A/AA and best-practice findings on the page, one line each
 * (what the accessibility statement, lib/accessibility/checks.ts, claims),
 * and WCAG 2.5.3 Label in Name (every link's and button's accessible name
 * contains its visible text), which axe runs only when asked by name. One
 * analysis: a rule enabled by name runs beside the tags' rules, so axe is
 * injected and walks the page once. Legacy mode runs it in the page itself,
 * without the blank page axe otherwise opens to gather frames' results: the
 * portal's pages have no frames (e2e/reader.spec.ts: no third-party content).
 * Only violations are gathered in full: axe otherwise writes a selector for
 * every node that passed, which the check never reads (a fifth of its time).
 */
async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const seedPaper = async (locale: "ko" | "en") => (await seedPaperIds())[locale];
const aSeries = async () => (await queryE2e<{ id: number }>(`select id from "Series" order by id limit 1`))[0]!.id;
const anAuthor = async (where: string) => (await queryE2e<{ id: number }>(`select id from "Author" ${where} limit 1`))[0]!.id;

const READER_PAGES: [string, (locale: "ko" | "en") => string | Promise<string>][] = [
  ["front page", (l) => `/${l}`],
  ["catalogue", (l) => `/${l}/publications`],
  ["filtered catalogue", (l) => `/${l}/publications?series=ifans-perspectives&year=2024`],
  // Results with their snippets and marks, and the order links.
  ["search results", (l) => `/${l}/publications?q=${encodeURIComponent(l === "ko" ? "북한 동맹" : "north korea alliance")}`],
  ["series page", (l) => `/${l}/series/ifans-perspectives`],
  ["author page", async (l) => `/${l}/authors/${await anAuthor(`where "nameEn" = 'CHOI Wooseon'`)}`],
  ["publication page", async (l) => `/${l}/publications/${await seedPaper(l)}`],
  ["privacy policy", (l) => `/${l}/privacy`],
  ["accessibility statement", (l) => `/${l}/accessibility`],
];

for (const locale of ["en", "ko"] as const) {
  for (const [name, path] of READER_PAGES) {
    test(`axe finds no violations on the ${locale} ${name}`, async ({ page }) => {
      const url = await path(locale);
      await page.goto(url);
      expect(await violations(page), url).toEqual([]);
    });
  }
}

for (const path of ["/en/sign-in", "/ko/sign-in?error=AccessDenied"]) {
  test(`axe finds no violations on the sign-in page ${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await violations(page), path).toEqual([]);
  });
}

const STAFF_PAGES: [string, () => string | Promise<string>][] = [
  ["dashboard", () => "/en/admin"],
  ["publications list", () => "/en/admin/publications"],
  ["authors list", () => "/en/admin/authors?q=a"],
  ["author editor (ko)", async () => `/ko/admin/authors/${await anAuthor("order by id")}`],
  ["new publication", () => "/en/admin/publications/new"],
  ["publication editor", async () => `/en/admin/publications/${await seedPaper("en")}`],
  ["statistics", () => "/en/admin/stats"],
  ["statistics with a bad range (ko)", () => "/ko/admin/stats?from=2026-13-01&to=x"],
  ["publication statistics", async () => `/en/admin/stats/publications/${await seedPaper("en")}`],
  ["users", () => "/en/admin/users"],
  ["audit log", () => "/en/admin/audit"],
  ["Send Email log (ko)", () => "/ko/admin/email-log"],
  ["series list", () => "/en/admin/series"],
  ["old links (ko)", () => "/ko/admin/redirects"],
  ["archive imports", () => "/en/admin/imports"],
  ["new series (ko)", () => "/ko/admin/series/new"],
  ["series editor", async () => `/en/admin/series/${await aSeries()}`],
  ["topics", () => "/en/admin/topics"],
  ["regions (ko)", () => "/ko/admin/regions"],
  ["site settings", () => "/en/admin/settings"],
];

// Staff pages: one sign-in per worker, its session cookie reused by each page's test.
test.describe("staff pages", () => {
  let adminState = "";
  test.beforeAll(async ({ browser }, info) => {
    const page = await browser.newPage();
    await signInAs(page, "admin");
    adminState = info.outputPath(`admin-session-${info.workerIndex}.json`);
    await page.context().storageState({ path: adminState });
    await page.close();
  });
  test.use({ storageState: async ({}, provide) => provide(adminState) });

  for (const [name, path] of STAFF_PAGES) {
    test(`axe finds no violations on the staff ${name} page`, async ({ page }) => {
      const url = await path();
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await violations(page), url).toEqual([]);
    });
  }

  test("axe finds no violations on the editor form after a refused save", async ({ page }) => {
    // Every field's error is shown and tied to its field.
    await page.goto("/en/admin/publications/new");
    const editor = new EditorPage(page);
    await editor.save.click();
    await expect(editor.fieldError("title")).not.toBeEmpty();
    expect(await violations(page), "editor with errors").toEqual([]);
  });
});

test("the check itself finds a name that does not contain the visible text (WCAG 2.5.3)", async ({ page }) => {
  // Guards the one-analysis set-up above: were the rule enabled by name dropped, every page would pass it.
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><a href="/x" aria-label="Unrelated words">Next page</a></main></body></html>`,
  );
  expect(await violations(page)).toEqual([expect.stringMatching(/^label-content-name-mismatch: /)]);
});
