import type { Locator, Page } from "@playwright/test";

/** The publication editor (English interface). */
export class EditorPage {
  readonly series: Locator;
  readonly reportNumber: Locator;
  readonly language: Locator;
  readonly title: Locator;
  readonly summary: Locator;
  readonly body: Locator;
  readonly save: Locator;
  readonly formStatus: Locator;
  readonly previewToc: Locator;
  readonly authorPick: Locator;
  readonly addAuthor: Locator;
  readonly newAuthorKo: Locator;
  readonly newAuthorEn: Locator;
  readonly createAuthor: Locator;
  readonly fileInput: Locator;
  readonly uploads: Locator;
  readonly currentStatus: Locator;
  readonly statusMessage: Locator;
  readonly publishAt: Locator;

  constructor(readonly page: Page) {
    this.series = page.getByLabel("Series", { exact: true });
    this.reportNumber = page.getByLabel("Report number");
    this.language = page.getByLabel("Language", { exact: true });
    this.title = page.getByLabel("Title", { exact: true });
    this.summary = page.getByLabel("Summary");
    this.body = page.getByLabel("Body (Markdown)");
    this.save = page.getByRole("button", { name: "Save" });
    this.formStatus = page.locator("form.editor .form__status");
    this.previewToc = page.getByTestId("preview-toc");
    this.authorPick = page.getByLabel("Add an existing author");
    this.addAuthor = page.getByRole("button", { name: "Add", exact: true });
    this.newAuthorKo = page.getByLabel("New author's Korean name");
    this.newAuthorEn = page.getByLabel("New author's English name");
    this.createAuthor = page.getByRole("button", { name: "Create and add" });
    this.fileInput = page.locator('input[type="file"]').first();
    this.uploads = page.locator(".uploader__status");
    this.currentStatus = page.getByTestId("current-status");
    this.statusMessage = page.locator(".status-panel__form .form__status");
    this.publishAt = page.getByLabel("Publish at (Korea time)");
  }

  statusButton(name: "Publish now" | "Schedule" | "Archive" | "Back to draft") {
    return this.page.locator(".status-panel").getByRole("button", { name, exact: true });
  }
}
