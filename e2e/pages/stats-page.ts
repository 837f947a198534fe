import type { Locator, Page } from "@playwright/test";
import { translator } from "../support/messages";

const t = translator("en");

/** The statistics dashboard and a publication's statistics page (English interface). */
export class StatsPage {
  readonly heading: Locator;
  readonly totals: Locator;
  readonly showTable: Locator;
  readonly dailyTable: Locator;
  readonly dailyCsv: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.totals = page.locator(".stats-figures").first();
    this.showTable = page.getByText(t("Stats.showTable")).first();
    this.dailyTable = page
      .locator("table")
      .filter({ has: page.getByRole("columnheader", { name: t("Stats.day") }) })
      .first();
    // The link's hidden part names its table.
    this.dailyCsv = page.getByRole("link", { name: `${t("Stats.downloadCsv")} (${t("Stats.dailyTitle")})` }).first();
    this.problem = page.locator("#stats-period-problem");
  }

  async goto(query: string) {
    return this.page.goto(`/en/admin/stats?${query}`);
  }

  async gotoPublication(id: number, query: string) {
    return this.page.goto(`/en/admin/stats/publications/${id}?${query}`);
  }

  /** The cells (views, downloads) of one day's row in the table under the chart. */
  dailyCells(day: string) {
    return this.dailyTable.locator("tr").filter({ hasText: day }).locator("td");
  }

  /** The chart, by the text alternative it carries for a period (long dates, "May 1, 2003"). */
  chart(from: string, to: string) {
    return this.page.getByRole("img", { name: t("Stats.chartLabel", { from, to }) });
  }
}
