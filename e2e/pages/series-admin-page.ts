import type { Locator, Page } from "@playwright/test";
import { translator, type Locale } from "../support/messages";

/** The new-series form (/{locale}/admin/series/new) in either interface language. */
export class SeriesAdminPage {
  readonly slug: Locator;
  readonly reportPrefix: Locator;
  readonly create: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    const t = translator(locale);
    this.slug = page.getByLabel(t("SeriesAdmin.fields.slug"));
    this.reportPrefix = page.getByLabel(t("SeriesAdmin.fields.reportPrefix"));
    this.create = page.getByRole("button", { name: t("SeriesAdmin.create") });
  }

  async gotoNew() {
    return this.page.goto(`/${this.locale}/admin/series/new`);
  }

  /** The name field of one language's fieldset. */
  name(language: Locale): Locator {
    const t = translator(this.locale);
    return this.page
      .getByRole("group", { name: t(`SeriesAdmin.languages.${language}`) })
      .getByLabel(t("SeriesAdmin.fields.name"));
  }
}
