import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { queryE2e, seedPaperIds } from "./support/db";
import { STAFF } from "./support/users";

async function pages() {
  const ids = await seedPaperIds();
  const [author] = await queryE2e<{ id: number }>(`select id from "Author" where "nameEn" = 'CHOI Wooseon'`);
  return (locale: "ko" | "en") => [
    `/${locale}/publications`,
    `/${locale}/publications?series=ifans-perspectives&year=2024`,
    `/${locale}/series/ifans-perspectives`,
    `/${locale}/authors/${author!.id}`,
    `/${locale}/publications/${ids[locale]}`,
  ];
}

/** axe's WCAG 2.1 A/AA and best-practice findings on the page, one line each. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const locale of ["en", "ko"] as const) {
  test(`axe finds no violations on the ${locale} reader pages`, async ({ page }) => {
    for (const path of (await pages())(locale)) {
      await page.goto(path);
      expect(await violations(page), path).toEqual([]);
    }
  });
}

test("axe finds no violations on the staff pages, forms with errors included", async ({ page }) => {
  for (const path of ["/en/sign-in", "/ko/sign-in?error=AccessDenied"]) {
    await page.goto(path);
    expect(await violations(page), path).toEqual([]);
  }
  await new SignInPage(page).signIn("en", STAFF.admin.email, STAFF.admin.password);
  await expect(page).toHaveURL(/\/en\/admin$/);
  const { en } = await seedPaperIds();
  const [author] = await queryE2e<{ id: number }>(`select id from "Author" order by id limit 1`);
  const paths = [
    "/en/admin",
    "/en/admin/publications",
    "/en/admin/authors?q=a",
    `/ko/admin/authors/${author!.id}`,
    "/en/admin/publications/new",
    `/en/admin/publications/${en}`,
    "/en/admin/stats",
    "/ko/admin/stats?from=2026-13-01&to=x",
    `/en/admin/stats/publications/${en}`,
    "/en/admin/users",
    "/en/admin/audit",
    "/ko/admin/email-log",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
  // The editor form after a refused save: every field's error is shown and tied to its field.
  await page.goto("/en/admin/publications/new");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#title-error")).not.toBeEmpty();
  expect(await violations(page), "editor with errors").toEqual([]);
});
