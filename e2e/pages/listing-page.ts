import { expect, type Locator, type Page } from "@playwright/test";
import { eitherLanguage } from "../support/messages";

export class ListingPage {
  readonly heading: Locator;
  readonly items: Locator;
  readonly pagination: Locator;
  readonly resultCount: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.items = page.locator(".pub-list__item");
    this.pagination = page.getByRole("navigation", { name: eitherLanguage("Pagination.label") });
    this.resultCount = page.locator(".result-count");
  }

  async goto(locale: string, query = "") {
    return this.page.goto(`/${locale}/publications${query}`);
  }

  /** A filter link in the sidebar: its group ("series" or "year") and the link's label, e.g. facet("year", /^2024/). */
  facet(group: "series" | "year", label: string | RegExp) {
    return this.page.getByRole("navigation", { name: eitherLanguage(`Listing.${group}`) }).getByRole("link", { name: label });
  }

  /**
   * Searches until the paper is listed: a paper written a moment ago is
   * indexed within seconds (lib/search/indexer.ts), and a search made before
   * that is cached for a few seconds more.
   */
  async searchUntilListed(locale: string, q: string, title: string) {
    await expect(async () => {
      await this.goto(locale, `?q=${encodeURIComponent(q)}`);
      await expect(this.link(title)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000] });
  }

  link(title: string) {
    return this.page.getByRole("link", { name: title, exact: true });
  }
}
