import type { Locator, Page } from "@playwright/test";
import { translator, type Locale } from "../support/messages";

/** The topics or regions page (/{locale}/admin/topics|regions): its "add" form. */
export class TaxonomyAdminPage {
  readonly slug: Locator;
  readonly nameKo: Locator;
  readonly nameEn: Locator;
  readonly add: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    const t = translator(locale);
    this.add = page.getByRole("button", { name: t("Taxonomy.create"), exact: true });
    const form = page.locator("form").filter({ has: this.add });
    this.slug = form.getByLabel(t("Taxonomy.slug"));
    this.nameKo = form.getByLabel(t("Taxonomy.nameKo"));
    this.nameEn = form.getByLabel(t("Taxonomy.nameEn"));
    this.status = form.getByRole("status");
  }

  async goto(kind: "topics" | "regions") {
    return this.page.goto(`/${this.locale}/admin/${kind}`);
  }
}
