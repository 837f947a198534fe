import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SEND_EMAIL_LABELS, SendEmailDialog } from "./pages/send-email-dialog";
import { PublicationPage } from "./pages/publication-page";
import { seedPaperIds } from "./support/db";
import { mailsTo } from "./support/mail";

const texts = {
  en: {
    note: "* All fields are required.",
    required: "This field is required.",
    sent: "Your email has been sent.",
    subject: "The North Korea-Russia Alliance and Korea’s Policy",
    // The site and the paper name the mail; what the reader typed as title is quoted inside.
    mailSubject: "[IFANS Perspectives] Shared by a reader: The North Korea-Russia Alliance and Korea’s Policy",
  },
  ko: {
    note: "* 모든 항목은 필수 입력입니다.",
    required: "필수 입력 항목입니다.",
    sent: "이메일을 보냈습니다.",
    subject: "북한-러시아 동맹과 한국의 정책",
    mailSubject: "[IFANS 퍼스펙티브] 독자 추천: 북한-러시아 동맹과 한국의 정책",
  },
} as const;

for (const locale of ["en", "ko"] as const) {
  test(`${locale}: a reader emails the paper using only the keyboard`, async ({ page }) => {
    const ids = await seedPaperIds();
    const paper = new PublicationPage(page);
    await paper.goto(locale, ids[locale]);
    const email = new SendEmailDialog(page, SEND_EMAIL_LABELS[locale]);

    // Open by keyboard: focus moves in; Esc closes and gives focus back.
    await email.openButton.focus();
    await page.keyboard.press("Enter");
    await expect(email.dialog).toBeVisible();
    await expect(email.recipient).toBeFocused();
    await expect(email.note).toHaveText(texts[locale].note);
    await expect(email.contentUrl).toHaveValue(new RegExp(`/${locale}/publications/${ids[locale]}$`));
    await expect(email.contentUrl).toHaveAttribute("readonly", "");
    await expect(email.title).toHaveValue(texts[locale].subject);
    for (let i = 0; i < 12; i++) await page.keyboard.press("Tab"); // focus stays inside the modal
    expect(await email.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(email.dialog).toBeHidden();
    await expect(email.openButton).toBeFocused();

    // Empty submission: each error beside its field, nothing sent.
    await page.keyboard.press("Enter");
    await expect(email.submit).toBeEnabled();
    await email.title.fill("");
    await email.submit.focus();
    await page.keyboard.press("Enter");
    await expect(email.recipient).toHaveAttribute("aria-invalid", "true");
    expect(await email.errorFor(email.recipient)).toBe(texts[locale].required);
    expect(await email.errorFor(email.title)).toBe(texts[locale].required);
    expect(await email.errorFor(email.message)).toBe(texts[locale].required);

    // What the reader typed stays when a submission is refused.
    await email.recipient.fill("not-an-address");
    await email.message.fill("Worth a read.");
    await email.submit.click();
    await expect(email.recipient).toHaveAttribute("aria-invalid", "true");
    await expect(email.message).toHaveValue("Worth a read.");

    // A valid submission: success, the dialog closes, one mail arrives.
    const recipient = `e2e-${randomUUID()}@example.org`;
    await email.recipient.fill(recipient);
    await email.title.fill(texts[locale].subject);
    await email.recipient.press("Enter");
    await expect(email.status).toHaveText(texts[locale].sent);
    await expect(email.dialog).toBeHidden();
    await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
    const [mail] = await mailsTo(recipient);
    expect(mail!.subject).toBe(texts[locale].mailSubject);
    expect(mail!.text).toContain("> Worth a read.");
    expect(mail!.text).toContain(`/${locale}/publications/${ids[locale]}`);
    expect(mail!.from?.text).toContain("no-reply@perspectives.test");
  });
}
