import type { Locator, Page } from "@playwright/test";

export class SendEmailDialog {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly recipient: Locator;
  readonly contentUrl: Locator;
  readonly title: Locator;
  readonly message: Locator;
  readonly submit: Locator;
  readonly status: Locator;
  readonly note: Locator;

  constructor(
    readonly page: Page,
    labels: { open: string; recipient: string; contentUrl: string; title: string; message: string; submit: string },
  ) {
    this.openButton = page.getByRole("button", { name: labels.open, exact: true });
    this.dialog = page.getByRole("dialog");
    this.recipient = this.dialog.getByLabel(labels.recipient);
    this.contentUrl = this.dialog.getByLabel(labels.contentUrl);
    this.title = this.dialog.getByLabel(labels.title, { exact: true });
    this.message = this.dialog.getByLabel(labels.message);
    this.submit = this.dialog.getByRole("button", { name: labels.submit, exact: true });
    this.status = this.dialog.locator(".form__status");
    this.note = this.dialog.locator(".form__note");
  }

  errorFor(field: Locator) {
    return field.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? "");
  }
}
