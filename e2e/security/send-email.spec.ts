// "Send Email" as a spammer or phisher would use it, through the dialog, on an
// instance behind a proxy whose forwarded headers a client tries to forge.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { mailsTo } from "../support/mail";
import { SEND_EMAIL_LABELS, SendEmailDialog } from "../pages/send-email-dialog";
import { queryE2e } from "../support/db";
import { createPaper } from "./support/fixtures";
import { startProxiedInstance } from "./support/instance";

let deployment: Awaited<ReturnType<typeof startProxiedInstance>>;
let paper: { id: number; title: string };

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  deployment = await startProxiedInstance("email-spec-secret-email-spec-secret-0001", {
    EMAIL_SHARE_LIMIT_CLIENT_PER_HOUR: "50",
    EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY: "3",
  });
  const id = await createPaper();
  const [row] = await queryE2e<{ title: string }>(`select title from "Publication" where id = $1`, [id]);
  paper = { id, title: row!.title };
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

test("a message with a link or with markup is refused beside its field, and nothing is sent", async ({ page }) => {
  const email = await openDialog(page);
  const recipient = `phished-${randomUUID()}@example.org`;
  await send(email, { recipient, message: "Your account is locked: verify at secure-login.example.com/verify now" });
  await expect(email.message).toHaveAttribute("aria-invalid", "true");
  expect(await email.errorFor(email.message)).toContain("Links and web addresses are not allowed here.");
  await send(email, { recipient, message: 'Read <a href="https://evil.example">this</a>' });
  await expect
    .poll(() => email.errorFor(email.message))
    .toContain("HTML, Markdown and other formatting code are not allowed here.");
  await send(email, { recipient, message: "Worth a read.", title: "Write to payroll@evil.example today" });
  await expect.poll(() => email.errorFor(email.title)).toContain("Email addresses are not allowed here.");
  await page.waitForTimeout(1_000);
  expect(await mailsTo(recipient)).toHaveLength(0);
});

test("the mail's subject names the site and the paper, the reader is quoted, and the link is APP_URL's", async ({ page }) => {
  const email = await openDialog(page);
  await expect(email.contentUrl).toHaveValue(`${deployment.appUrl}/en/publications/${paper.id}`);
  const recipient = `colleague-${randomUUID()}@example.org`;
  await send(email, { recipient, title: "URGENT: your account", message: "Worth a read." });
  await expect(email.status).toHaveText("Your email has been sent.");
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
  const local = `reader-${randomUUID().slice(0, 8)}`;
  const sent: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const email = await openDialog(page);
    const recipient = `${local}+${i}@example.org`;
    await send(email, { recipient, message: "Worth a read." });
    if (i <= 3) {
      await expect(email.status).toHaveText("Your email has been sent.");
      sent.push(recipient);
    } else {
      await expect(email.status).toContainText("Too many emails have been sent.");
    }
  }
  for (const recipient of sent) await expect.poll(async () => (await mailsTo(recipient)).length).toBe(1);
  expect(await mailsTo(`${local}+4@example.org`)).toHaveLength(0);
});
