import type { Locator, Page } from "@playwright/test";

/** The dialog's labels in each language, as readers see them. */
export const SEND_EMAIL_LABELS = {
  en: {
    open: "Send Email",
    recipient: "Recipient email",
    contentUrl: "Content address",
    title: "Title",
    message: "Message",
    submit: "Send",
  },
  ko: {
    open: "이메일 보내기",
    recipient: "받는 사람 이메일",
    contentUrl: "콘텐츠 주소",
    title: "제목",
    message: "메시지",
    submit: "보내기",
  },
} as const;

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
