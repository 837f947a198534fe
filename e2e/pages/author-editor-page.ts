import type { Locator, Page } from "@playwright/test";

/** The staff author list and an author's profile form (English interface). */
export class AuthorEditorPage {
  readonly search: Locator;
  readonly save: Locator;
  readonly formStatus: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Find an author" });
    this.save = page.getByRole("button", { name: "Save" });
    this.formStatus = page.locator("form").getByRole("status");
  }

  /** One language's half of the form: "Korean" or "English". */
  language(name: "Korean" | "English") {
    return this.page.getByRole("group", { name });
  }

  field(language: "Korean" | "English", label: "Name" | "Position" | "Affiliation" | "Biography") {
    return this.language(language).getByLabel(label, { exact: true });
  }
}
