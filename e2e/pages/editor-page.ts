import type { Locator, Page } from "@playwright/test";
import { translator } from "../support/messages";

const t = translator("en");

/** The publication editor (English interface). */
export class EditorPage {
  readonly series: Locator;
  readonly reportNumber: Locator;
  readonly language: Locator;
  readonly title: Locator;
  readonly summary: Locator;
  readonly body: Locator;
  readonly featured: Locator;
  readonly save: Locator;
  readonly formStatus: Locator;
  readonly previewToc: Locator;
  readonly previewBody: Locator;
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
    this.series = page.getByLabel(t("Editor.fields.series"), { exact: true });
    this.reportNumber = page.getByLabel(t("Editor.fields.reportNumber"));
    this.language = page.getByLabel(t("Editor.fields.language"), { exact: true });
    this.title = page.getByLabel(t("Editor.fields.title"), { exact: true });
    this.summary = page.getByLabel(t("Editor.fields.summary"));
    this.body = page.getByLabel(t("Editor.fields.body"));
    this.featured = page.getByRole("checkbox", { name: t("Editor.fields.featured") });
    this.save = page.getByRole("button", { name: t("Editor.save") });
    this.formStatus = page.locator("form.editor .form__status");
    this.previewToc = page.getByTestId("preview-toc");
    this.previewBody = page.getByTestId("preview-body");
    this.authorPick = page.getByLabel(t("Editor.authors.pick"));
    this.addAuthor = page.getByRole("button", { name: t("Editor.authors.add"), exact: true });
    this.newAuthorKo = page.getByLabel(t("Editor.authors.newKo"));
    this.newAuthorEn = page.getByLabel(t("Editor.authors.newEn"));
    this.createAuthor = page.getByRole("button", { name: t("Editor.authors.create") });
    this.fileInput = page.locator('input[type="file"]').first();
    this.uploads = page.locator(".uploader__status");
    this.currentStatus = page.getByTestId("current-status");
    this.statusMessage = page.locator(".status-panel__form .form__status");
    this.publishAt = page.getByLabel(t("Editor.fields.publishAt"));
  }

  /** The error shown beside a field, e.g. fieldError("reportNumber"). */
  fieldError(field: string) {
    return this.page.locator(`#${field}-error`);
  }

  statusButton(action: "publish" | "schedule" | "archive" | "unpublish") {
    return this.page.locator(".status-panel").getByRole("button", { name: t(`Editor.status.${action}`), exact: true });
  }
}
