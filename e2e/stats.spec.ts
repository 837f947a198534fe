// The statistics pages against events the test writes itself: each test a
// paper of its own and a month of its own in 2003, so the dashboard's totals
// for that month are its events alone, whichever tests run at once.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { StatsPage } from "./pages/stats-page";
import { queryE2e } from "./support/db";
import { foldedEvents } from "./support/counting";
import { translator } from "./support/messages";
import { createPaper } from "./support/papers";
import { signInAs } from "./support/sign-in";

const t = translator("en");

/**
 * 7 views by 5 visitors (two double clicks) and 2 downloads of the paper, on
 * the 10th and 11th of `month` ("2003-05", Seoul time), folded by the server's
 * own job: 2 views on the 10th; 3 views and 2 downloads on the 11th.
 */
async function writeEvents(paperId: number, month: string) {
  const v = () => randomUUID();
  const [a, b] = [v(), v()];
  const events: [string, string, string][] = [
    ["view", a, `${month}-10 10:00:00+09`],
    ["view", a, `${month}-10 10:00:10+09`],
    ["view", b, `${month}-10 11:00:00+09`],
    ["view", b, `${month}-10 11:00:05+09`],
    ["view", v(), `${month}-11 09:00:00+09`],
    ["view", v(), `${month}-11 09:30:00+09`],
    ["view", v(), `${month}-11 23:59:00+09`],
    ["download", v(), `${month}-11 12:00:00+09`],
    ["download", v(), `${month}-11 12:00:01+09`],
  ];
  for (const [kind, visitor, at] of events) {
    await queryE2e(
      `insert into "UsageEvent" (kind, "publicationId", "visitorHash", "occurredAt") values ($1::"UsageKind", $2, $3, $4::timestamptz)`,
      [kind, paperId, visitor, at],
    );
  }
  await foldedEvents(paperId, events.length);
}

// The 1st to the 28th: a whole period in every month.
const period = (month: string) => `from=${month}-01&to=${month}-28`;

/** A paper of its own with a month's events, and an analyst signed in to read its statistics. */
async function analystWithMonth(page: Page, month: string) {
  const paper = await createPaper({ language: "ko" });
  await writeEvents(paper.id, month);
  await signInAs(page, "analyst");
  return { paper, stats: new StatsPage(page) };
}

test("the dashboard shows a period's counted views and downloads, in total and per day", async ({ page }) => {
  // Arrange
  const { stats } = await analystWithMonth(page, "2003-05");

  // Act
  await stats.goto(period("2003-05"));
  await stats.showTable.click();

  // Assert: double clicks are one view; the chart says what it shows, the table has its numbers.
  await expect(stats.totals).toContainText(`${t("Stats.views")}5`);
  await expect(stats.totals).toContainText(`${t("Stats.downloads")}2`);
  await expect(stats.dailyCells("2003-05-10")).toHaveText(["2", "0"]);
  await expect(stats.dailyCells("2003-05-11")).toHaveText(["3", "2"]);
  await expect(stats.chart("May 1, 2003", "May 28, 2003")).toBeVisible();
});

test("the daily CSV carries the dashboard's numbers", async ({ page }) => {
  // Arrange
  const { stats } = await analystWithMonth(page, "2003-06");
  await stats.goto(period("2003-06"));

  // Act
  const download = page.waitForEvent("download");
  await stats.dailyCsv.click();
  const csv = await readFile(await (await download).path(), "utf8");

  // Assert: UTF-8 with a BOM, so spreadsheets read Korean right.
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("2003-06-10,2,0");
  expect(csv).toContain("2003-06-11,3,2");
});

test("a publication's statistics page shows its own numbers", async ({ page }) => {
  // Arrange
  const { paper, stats } = await analystWithMonth(page, "2003-07");

  // Act
  await stats.gotoPublication(paper.id, period("2003-07"));

  // Assert
  await expect(stats.heading).toContainText(paper.title);
  await expect(stats.totals).toContainText(`${t("Stats.views")}5`);
  await expect(stats.totals).toContainText(`${t("Stats.downloads")}2`);
});

test("axe finds no violations on a publication's statistics page with numbers", async ({ page }) => {
  // Arrange
  const { paper, stats } = await analystWithMonth(page, "2003-08");

  // Act
  await stats.gotoPublication(paper.id, period("2003-08"));
  await expect(stats.chart("August 1, 2003", "August 28, 2003")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();

  // Assert
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("an invalid date range gets a clear message, not an error", async ({ page }) => {
  // Arrange
  await signInAs(page, "editor");
  const stats = new StatsPage(page);

  // Act
  const response = await stats.goto("from=2024-05-10&to=2024-05-01");

  // Assert
  expect(response?.status()).toBe(200);
  await expect(stats.problem).toHaveText(`${t("Stats.problems.fromAfterTo")} ${t("Stats.fallback")}`);
});

test("a fresh demo start's dashboard shows the seeded history in its charts", async ({ page }, testInfo) => {
  // Arrange: the e2e portal is a fresh demo start (its seed brings 180 days of history).
  await signInAs(page, "analyst");
  const stats = new StatsPage(page);

  // Act: the dashboard as staff first open it, on its default period (the last 30 days).
  await page.goto("/en/admin/stats");
  await stats.showTable.click();

  // Assert: non-zero totals, most days with views, and a line that is not flat on zero.
  await expect(stats.totals).not.toContainText(`${t("Stats.views")}0`);
  const viewsPerDay = await stats.dailyTable.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => Number((r.querySelector("td")?.textContent ?? "0").replace(/\D/g, ""))),
  );
  expect(viewsPerDay.filter((v) => v > 0).length).toBeGreaterThanOrEqual(20);
  const line = page.locator(".recharts-line-curve").first();
  await expect(line).toBeVisible();
  const ys = ((await line.getAttribute("d")) ?? "").match(/,(\d+(?:\.\d+)?)/g) ?? [];
  expect(new Set(ys).size).toBeGreaterThan(2);
  // The picture staff see, kept with the run's artifacts.
  await testInfo.attach("dashboard", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
