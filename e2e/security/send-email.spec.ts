// "Send Email" as a spammer or phisher would use it, through the dialog, on an
// instance behind a proxy whose forwarded headers a client tries to forge.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { mailsTo } from "../support/mail";
import { SEND_EMAIL_LABELS, SendEmailDialog } from "../pages/send-email-dialog";
import { messagePattern, translator } from "../support/messages";
import { createPaper } from "../support/papers";
import { startProxiedInstance } from "./support/instance";

const t = translator("en");
let deployment: Awaited<ReturnType<typeof startProxiedInstance>>;
let paper: { id: number; title: string };

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  deployment = await startProxiedInstance("email-spec-secret-email-spec-secret-0001", {
    EMAIL_SHARE_LIMIT_CLIENT_PER_HOUR: "50",
    EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY: "3",
  });
  paper = await createPaper();
});
test.afterAll(async () => {
  await deployment?.stop();
});

async function openDialog(page: Page) {
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  await page.goto(`${deployment.appUrl}/en/publications/${paper.id}`);
  const email = new SendEmailDialog(page, SEND_EMAIL_LABELS.en);
  await email.openButton.click();
  await expect(email.dialog).toBeVisible();
  return email;
}

async function send(email: SendEmailDialog, fields: { recipient: string; message: string; title?: string }) {
  await email.recipient.fill(fields.recipient);
  if (fields.title !== undefined) await email.title.fill(fields.title);
  await email.message.fill(fields.message);
  await email.submit.click();
}

const REFUSED: { name: string; field: "message" | "title"; fields: { message: string; title?: string }; error: string }[] = [
  {
    name: "a message with a link",
    field: "message",
    fields: { message: "Your account is locked: verify at secure-login.example.com/verify now" },
    error: t("SendEmail.errors.containsLink"),
  },
  {
    name: "a message with markup",
    field: "message",
    fields: { message: 'Read <a href="https://evil.example">this</a>' },
    error: t("SendEmail.errors.containsMarkup"),
  },
  {
    name: "a title with an email address",
    field: "title",
    fields: { message: "Worth a read.", title: "Write to payroll@evil.example today" },
    error: t("SendEmail.errors.containsEmail"),
  },
];

for (const refused of REFUSED) {
  test(`${refused.name} is refused beside its field and not sent; a plain one after it is`, async ({ page }) => {
    // Arrange
    const email = await openDialog(page);
    const recipient = `phished-${randomUUID()}@example.org`;

    // Act: the refused submission, then a plain one to the same recipient.
    await send(email, { recipient, ...refused.fields });
    await expect(email[refused.field]).toHaveAttribute("aria-invalid", "true");
    await expect.poll(() => email.errorFor(email[refused.field])).toContain(refused.error);
    await send(email, { recipient, message: "Worth a read.", title: paper.title });
    await expect(email.status).toHaveText(t("SendEmail.sent"));

    // Assert: the recipient gets the plain mail alone, which the mail server received after anything sent before it.
    await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
    const [mail] = await mailsTo(recipient);
    expect(mail!.text).toContain("> Worth a read.");
    expect(mail!.text).not.toContain("evil.example");
    expect(mail!.text).not.toContain("secure-login.example.com");
  });
}

test("the mail's subject names the site and the paper, the reader is quoted, and the link is APP_URL's", async ({ page }) => {
  // Arrange
  const email = await openDialog(page);
  await expect(email.contentUrl).toHaveValue(`${deployment.appUrl}/en/publications/${paper.id}`);
  const recipient = `colleague-${randomUUID()}@example.org`;

  // Act
  await send(email, { recipient, title: "URGENT: your account", message: "Worth a read." });

  // Assert
  await expect(email.status).toHaveText(t("SendEmail.sent"));
  await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
  const [mail] = await mailsTo(recipient);
  expect(mail!.subject).toContain(paper.title);
  expect(mail!.subject).toMatch(/^\[.+\] /);
  expect(mail!.subject).not.toContain("URGENT");
  expect(mail!.text).toContain("> Worth a read.");
  expect(mail!.text).toContain(`${deployment.appUrl}/en/publications/${paper.id}`);
  expect(mail!.text).not.toContain("evil.example");
});

test("one inbox written four ways (a+1@…, a+2@…) gets the per-recipient allowance once", async ({ page }) => {
  // Arrange
  const local = `reader-${randomUUID().slice(0, 8)}`;
  const recipients = [1, 2, 3, 4].map((i) => `${local}+${i}@example.org`);

  // Act: the allowance (3 a day) used up by the first three spellings, then the fourth.
  for (const recipient of recipients.slice(0, 3)) {
    const email = await openDialog(page);
    await send(email, { recipient, message: "Worth a read." });
    await expect(email.status).toHaveText(t("SendEmail.sent"));
  }
  const fourth = await openDialog(page);
  await send(fourth, { recipient: recipients[3]!, message: "Worth a read." });

  // Assert
  await expect(fourth.status).toHaveText(messagePattern("en", "SendEmail.rateLimited"));
  for (const recipient of recipients.slice(0, 3)) await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
  expect(await mailsTo(recipients[3]!)).toHaveLength(0);
});
