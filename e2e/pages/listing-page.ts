import type { Locator, Page } from "@playwright/test";

export class ListingPage {
  readonly heading: Locator;
  readonly items: Locator;
  readonly pagination: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.items = page.locator(".pub-list__item");
    this.pagination = page.getByRole("navigation", { name: /Pages|페이지/ });
  }

  async goto(locale: string, query = "") {
    return this.page.goto(`/${locale}/publications${query}`);
  }

  link(title: string) {
    return this.page.getByRole("link", { name: title, exact: true });
  }
}
