import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SEND_EMAIL_LABELS, SendEmailDialog } from "./pages/send-email-dialog";
import { PublicationPage } from "./pages/publication-page";
import { seedPaperIds } from "./support/db";
import { mailsTo } from "./support/mail";
import { translator, type Locale } from "./support/messages";
import { CACHE_STATUS_HEADER } from "@/server/page-cache";
import { demoSiteSettings } from "@/prisma/seed/data/site-settings";

// The seed paper's title in each language: the dialog offers it as the mail's title.
const PAPER_TITLE = {
  en: "The North Korea-Russia Alliance and Korea’s Policy",
  ko: "북한-러시아 동맹과 한국의 정책",
} as const;

/** The seed paper in `locale`, with its Send Email dialog (not opened yet). */
async function seedPaperDialog(page: Page, locale: Locale) {
  const ids = await seedPaperIds();
  await new PublicationPage(page).goto(locale, ids[locale]);
  return { id: ids[locale], email: new SendEmailDialog(page, SEND_EMAIL_LABELS[locale]) };
}

/** Opens the dialog by keyboard, as the keyboard-only reader does. */
async function openByKeyboard(page: Page, email: SendEmailDialog) {
  await email.openButton.focus();
  await page.keyboard.press("Enter");
  await expect(email.dialog).toBeVisible();
  // The form takes its ticket from the server as it opens; until then Send is disabled and Enter sends nothing.
  await expect(email.submit).toBeEnabled();
}

for (const locale of ["en", "ko"] as const) {
  const t = translator(locale);

  test(`${locale}: the dialog opens by keyboard with the paper filled in, keeps focus inside, and Esc gives it back`, async ({
    page,
  }) => {
    // Arrange
    const { id, email } = await seedPaperDialog(page, locale);

    // Act: open by keyboard, tab round the dialog, close with Esc.
    await openByKeyboard(page, email);
    await expect(email.recipient).toBeFocused();
    await expect(email.note).toHaveText(t("SendEmailDialog.required"));
    await expect(email.contentUrl).toHaveValue(new RegExp(`/${locale}/publications/${id}$`));
    await expect(email.contentUrl).toHaveAttribute("readonly", "");
    await expect(email.title).toHaveValue(PAPER_TITLE[locale]);
    for (let i = 0; i < 12; i++) await page.keyboard.press("Tab");
    expect(await email.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");

    // Assert
    await expect(email.dialog).toBeHidden();
    await expect(email.openButton).toBeFocused();
  });

  test(`${locale}: an empty submission shows each error beside its field`, async ({ page }) => {
    // Arrange
    const { email } = await seedPaperDialog(page, locale);
    await openByKeyboard(page, email);
    await expect(email.submit).toBeEnabled();
    await email.title.fill("");

    // Act
    await email.submit.focus();
    await page.keyboard.press("Enter");

    // Assert
    await expect(email.recipient).toHaveAttribute("aria-invalid", "true");
    expect(await email.errorFor(email.recipient)).toBe(t("SendEmail.errors.required"));
    expect(await email.errorFor(email.title)).toBe(t("SendEmail.errors.required"));
    expect(await email.errorFor(email.message)).toBe(t("SendEmail.errors.required"));
  });

  test(`${locale}: what the reader typed stays when a submission is refused`, async ({ page }) => {
    // Arrange
    const { email } = await seedPaperDialog(page, locale);
    await openByKeyboard(page, email);

    // Act
    await email.recipient.fill("not-an-address");
    await email.message.fill("Worth a read.");
    await email.submit.click();

    // Assert
    await expect(email.recipient).toHaveAttribute("aria-invalid", "true");
    await expect(email.recipient).toHaveValue("not-an-address");
    await expect(email.message).toHaveValue("Worth a read.");
  });

  test(`${locale}: a reader emails the paper using only the keyboard, and one mail arrives`, async ({ page }) => {
    // Arrange
    const { id, email } = await seedPaperDialog(page, locale);
    await openByKeyboard(page, email);
    const recipient = `e2e-${randomUUID()}@example.org`;

    // Act
    await email.recipient.fill(recipient);
    await email.message.fill("Worth a read.");
    await email.recipient.press("Enter");

    // Assert: success, the dialog closes, one mail arrives, named after the site and the paper.
    await expect(email.status).toHaveText(t("SendEmail.sent"));
    await expect(email.dialog).toBeHidden();
    await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
    const [mail] = await mailsTo(recipient);
    expect(mail!.subject).toBe(
      t("ShareMail.subject", {
        // The e2e portal runs the demo: the site's title is the one its seed sets.
        site: locale === "ko" ? demoSiteSettings.siteTitleKo : demoSiteSettings.siteTitleEn,
        title: PAPER_TITLE[locale],
      }),
    );
    expect(mail!.text).toContain("> Worth a read.");
    expect(mail!.text).toContain(`/${locale}/publications/${id}`);
    expect(mail!.from?.text).toContain("no-reply@perspectives.test");
  });
}

test("a paper's page as the server keeps it is plain HTML, and a reader emails the paper from it", async ({ page, request }) => {
  // Arrange: the page is stored ahead of readers, or once it has been answered (server/stored-pages.ts).
  const ids = await seedPaperIds();
  const path = `/en/publications/${ids.en}`;
  await expect.poll(async () => (await request.get(path)).headers()[CACHE_STATUS_HEADER]).toMatch(/^(?:stored|hit)$/);
  const recipient = `e2e-${randomUUID()}@example.org`;

  // Act
  const response = await page.goto(path);
  const email = new SendEmailDialog(page, SEND_EMAIL_LABELS.en);
  await openByKeyboard(page, email);
  await email.recipient.fill(recipient);
  await email.message.fill("From the plain page.");
  await email.submit.click();

  // Assert: no React on the page (no component data, no Next script), and the mail arrives.
  expect(response!.headers()[CACHE_STATUS_HEADER]).toMatch(/^(?:stored|hit)$/);
  const html = await response!.text();
  expect(html).not.toContain("self.__next_f");
  expect(html).not.toMatch(/<script[^>]+src="\/_next\//);
  expect(html).toMatch(/<script type="module" async="" src="\/islands\/paper-[0-9a-f]{16}\.js">/);
  await expect(email.status).toHaveText(translator("en")("SendEmail.sent"));
  await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
  expect((await mailsTo(recipient))[0]!.text).toContain("> From the plain page.");
});
