import { expect, type Locator, type Page } from "@playwright/test";
import { queryE2e } from "../support/db";
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
   * Searches once the paper is indexed: a paper written a moment ago is
   * indexed within seconds (lib/search/indexer.ts). Asking before that would
   * cache the answer without it for a few seconds more (the catalogue's page
   * cache), so the index is awaited in the database and the search asked after.
   */
  async searchUntilListed(locale: string, q: string, title: string) {
    await expect
      .poll(
        async () => {
          const rows = await queryE2e<{ indexed: boolean }>(
            `select exists (select 1 from "SearchDocument" d where d."publicationId" = p.id)
                  and not exists (select 1 from "SearchQueue" q where q."publicationId" = p.id) as indexed
                 from "Publication" p where p.title = $1`,
            [title],
          );
          return rows.length > 0 && rows.every((row) => row.indexed);
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBe(true);
    await expect(async () => {
      await this.goto(locale, `?q=${encodeURIComponent(q)}`);
      await expect(this.link(title)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000] });
  }

  link(title: string) {
    return this.page.getByRole("link", { name: title, exact: true });
  }
}
