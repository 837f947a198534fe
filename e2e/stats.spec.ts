import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { queryE2e } from "./support/db";
import { STAFF } from "./support/users";

const RANGE = "from=2003-05-01&to=2003-05-31";

test("seeded events show up as the expected numbers on the dashboard and in the CSV", async ({ page }) => {
  const [paper] = await queryE2e<{ id: number; title: string }>(
    `select id, title from "Publication" where language = 'ko' and status = 'published' order by id limit 1`,
  );
  // 7 views by 5 visitors (two double clicks) and 2 downloads, on two days in May 2003 (Seoul time).
  const v = () => randomUUID();
  const [a, b] = [v(), v()];
  const events: [string, string, string][] = [
    ["view", a, "2003-05-10 10:00:00+09"],
    ["view", a, "2003-05-10 10:00:10+09"],
    ["view", b, "2003-05-10 11:00:00+09"],
    ["view", b, "2003-05-10 11:00:05+09"],
    ["view", v(), "2003-05-11 09:00:00+09"],
    ["view", v(), "2003-05-11 09:30:00+09"],
    ["view", v(), "2003-05-11 23:59:00+09"],
    ["download", v(), "2003-05-11 12:00:00+09"],
    ["download", v(), "2003-05-11 12:00:01+09"],
  ];
  for (const [kind, visitor, at] of events) {
    await queryE2e(
      `insert into "UsageEvent" (kind, "publicationId", "visitorHash", "occurredAt") values ($1::"UsageKind", $2, $3, $4::timestamptz)`,
      [kind, paper!.id, visitor, at],
    );
  }
  // The server's own job folds them within a few seconds.
  await expect
    .poll(
      async () =>
        (
          await queryE2e<{ n: number }>(
            `select count(*)::int as n from "UsageEvent"
             where "publicationId" = $1 and "insertedAt" >= (select "foldedThrough" from "StatsFold" where id = 1)`,
            [paper!.id],
          )
        )[0]!.n,
      { timeout: 20_000 },
    )
    .toBe(0);

  await new SignInPage(page).signIn("en", STAFF.analyst.email, STAFF.analyst.password);
  await expect(page).toHaveURL(/\/en\/admin$/);
  await page.goto(`/en/admin/stats?${RANGE}`);
  const totals = page.locator(".stats-figures").first();
  await expect(totals).toContainText("Views5");
  await expect(totals).toContainText("Downloads2");
  await page.getByText("Show as table").first().click();
  const dailyTable = page
    .locator("table")
    .filter({ has: page.getByRole("columnheader", { name: "Day" }) })
    .first();
  await expect(dailyTable.locator("tr").filter({ hasText: "2003-05-10" }).locator("td")).toHaveText(["2", "0"]);
  await expect(dailyTable.locator("tr").filter({ hasText: "2003-05-11" }).locator("td")).toHaveText(["3", "2"]);
  await expect(page.getByRole("img", { name: /Line chart of views and downloads per day/ }).first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.locator(".stats-csv").first().click();
  const csv = await readFile(await (await download).path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("2003-05-10,2,0");
  expect(csv).toContain("2003-05-11,3,2");

  await page.goto(`/en/admin/stats/publications/${paper!.id}?${RANGE}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(paper!.title);
  await expect(page.locator(".stats-figures").first()).toContainText("Views5");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("an invalid date range gets a clear message, not an error", async ({ page }) => {
  await new SignInPage(page).signIn("en", STAFF.editor.email, STAFF.editor.password);
  await expect(page).toHaveURL(/\/en\/admin$/);
  const response = await page.goto("/en/admin/stats?from=2024-05-10&to=2024-05-01");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("The start date is after the end date.")).toBeVisible();
});
