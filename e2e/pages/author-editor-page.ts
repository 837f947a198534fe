import type { Locator, Page } from "@playwright/test";
import { translator, type Locale } from "../support/messages";

const t = translator("en");

/** The staff author list and an author's profile form (English interface). */
export class AuthorEditorPage {
  readonly search: Locator;
  readonly save: Locator;
  readonly formStatus: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: t("Authors.searchLabel") });
    this.save = page.getByRole("button", { name: t("Authors.save") });
    this.formStatus = page.locator("form").getByRole("status");
  }

  /** One language's half of the form. */
  language(language: Locale) {
    return this.page.getByRole("group", { name: t(`Authors.languages.${language}`) });
  }

  field(language: Locale, field: "name" | "position" | "affiliation" | "bio") {
    return this.language(language).getByLabel(t(`Authors.fields.${field}`), { exact: true });
  }

  /** The error shown beside a field, by the field's name in the form (e.g. "nameKo"). */
  fieldError(name: string) {
    return this.page.locator(`#${name}-error`);
  }
}
