import type { Locator, Page } from "@playwright/test";

export class ListingPage {
  readonly heading: Locator;
  readonly items: Locator;
  readonly pagination: Locator;
  readonly resultCount: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.items = page.locator(".pub-list__item");
    this.pagination = page.getByRole("navigation", { name: /^(Pages|페이지)$/ });
    this.resultCount = page.locator(".result-count");
  }

  async goto(locale: string, query = "") {
    return this.page.goto(`/${locale}/publications${query}`);
  }

  /** A series or year filter link in the sidebar, e.g. facet("Year", "2024"). */
  facet(group: string | RegExp, label: string | RegExp) {
    return this.page.getByRole("navigation", { name: group }).getByRole("link", { name: label });
  }

  link(title: string) {
    return this.page.getByRole("link", { name: title, exact: true });
  }
}
