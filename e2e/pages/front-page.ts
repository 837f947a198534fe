import type { Locator, Page } from "@playwright/test";
import { eitherLanguage } from "../support/messages";

/** The front page at /{locale}, in either language; specs assert, this only finds. */
export class FrontPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly searchButton: Locator;
  readonly featured: Locator;

  constructor(readonly page: Page) {
    const searchForm = page.getByRole("main").getByRole("search");
    this.heading = page.getByRole("heading", { level: 1 });
    this.search = searchForm.getByLabel(eitherLanguage("Home.searchLabel"));
    this.searchButton = searchForm.getByRole("button", { name: eitherLanguage("Home.search") });
    this.featured = page.getByRole("region", { name: eitherLanguage("Home.featured") });
  }

  async goto(locale: string) {
    return this.page.goto(`/${locale}`);
  }

  /** A paper's link under "Featured", by its title. */
  featuredLink(title: string) {
    return this.featured.getByRole("link", { name: title, exact: true });
  }

  /** A series' section of latest papers, by the series' name as its heading shows it. */
  seriesSection(name: string) {
    return this.page.getByRole("region", { name, exact: true });
  }

  /** The link in a series section's heading, to the series' page. */
  seriesLink(name: string) {
    return this.seriesSection(name).getByRole("heading", { level: 2 }).getByRole("link", { name, exact: true });
  }
}
