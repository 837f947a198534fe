// Email alerts end to end, in each language: a reader subscribes from a
// series page, confirms from the mail the e2e SMTP server received, gets the
// alert when an editor publishes a paper in that series, and unsubscribes
// from the alert's link; after that a new paper in the series alerts nobody
// at that address. The alerts and manage pages are checked with axe on the way.
//
// Other specs publish papers in the same series at the same time, so the
// subscriber gets their alerts too: a mail is found by its subject, which
// carries the paper's own title.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { demoSiteSettings } from "@/prisma/seed/data/site-settings";
import { AlertsPage } from "./pages/alerts-page";
import type { EditorPage } from "./pages/editor-page";
import { queryE2e } from "./support/db";
import { createDraft, editorSession } from "./support/editor";
import { mailsTo } from "./support/mail";
import { translator } from "./support/messages";

const SERIES = "IFANS Perspectives";
const SITE = { en: demoSiteSettings.siteTitleEn, ko: demoSiteSettings.siteTitleKo } as const;
// A mail can take seconds: the job queue polls, and the SMTP round trip on a loaded machine.
const MAIL_WAIT = { timeout: 30_000 };

const newTag = () => randomUUID().slice(0, 8);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * axe's WCAG 2.2 A/AA and best-practice findings, plus WCAG 2.5.3 Label in
 * Name (which axe runs only when asked by name), as e2e/accessibility.spec.ts
 * checks them, in one run.
 */
async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The series the spec follows, as stored. */
async function followedSeries() {
  const [row] = await queryE2e<{ slug: string; nameEn: string; nameKo: string }>(
    `select slug, "nameEn", "nameKo" from "Series" where "nameEn" = $1`,
    [SERIES],
  );
  if (!row) throw new Error(`The series ${SERIES} is missing from the e2e database.`);
  return row;
}

/** Publishes the draft open in the editor, which queues its alerts at once. */
async function publish(editor: EditorPage) {
  await editor.statusButton("publish").click();
  await expect(editor.currentStatus).toHaveText(translator("en")("Editor.status.published"));
}

/** The mails to `address` with exactly this subject. */
async function mailsWithSubject(address: string, subject: string): Promise<ParsedMail[]> {
  return (await mailsTo(address)).filter((m) => m.subject === subject);
}

/** A header as sent, unfolded (the parsed form of List-* headers is mailparser's own object). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}

/** The one link in the mail's text part that starts with `prefix`. */
function linkIn(mail: ParsedMail, prefix: string): string {
  const links = (mail.text ?? "").match(new RegExp(`${escape(prefix)}\\S+`, "g")) ?? [];
  expect(links, `links starting with ${prefix}`).toHaveLength(1);
  return links[0]!;
}

for (const locale of ["en", "ko"] as const) {
  const t = translator(locale);
  const site = SITE[locale];

  test(`${locale}: a reader subscribes from a series page, confirms by mail, gets the alert and unsubscribes from its link`, async ({
    browser,
    page,
    baseURL,
  }) => {
    // A dozen steps across a reader, an editor and the mail server: several tests' work.
    test.slow();

    // Arrange
    const series = await followedSeries();
    const address = `alerts-${newTag()}@example.org`;
    const { context, editor } = await editorSession(browser);
    const title = `${locale === "ko" ? "알림 시험" : "Alert test"} ${newTag()}`;
    const laterTitle = `${locale === "ko" ? "수신 거부 뒤" : "After unsubscribing"} ${newTag()}`;
    const alerts = new AlertsPage(page, locale);

    // Act 1: from the series page to the alerts form, with the series already ticked; subscribe.
    await page.goto(`/${locale}/series/${series.slug}`);
    await page.getByRole("link", { name: t("Alerts.followSeries"), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/alerts\\?series=${escape(series.slug)}$`));
    await expect(alerts.series(locale === "ko" ? series.nameKo : series.nameEn)).toBeChecked();
    await alerts.email.fill(address);
    await alerts.consent(site).check();
    await alerts.submit.click();

    // Assert 1: the page says to check the inbox, and is accessible with that answer on it.
    await expect(alerts.status).toHaveText(t("Alerts.checkInbox"));
    expect(await violations(page), "alerts page").toEqual([]);

    // Act 2: confirm from the link in the mail, in the page's language.
    const confirmSubject = t("AlertMail.confirmSubject", { site });
    await expect.poll(async () => (await mailsWithSubject(address, confirmSubject)).length, MAIL_WAIT).toBe(1);
    const [confirmMail] = await mailsWithSubject(address, confirmSubject);
    await page.goto(linkIn(confirmMail!, `${baseURL}/${locale}/alerts/confirm?token=`));
    await alerts.confirm.click();

    // Assert 2
    await expect(alerts.status).toHaveText(t("Alerts.confirmed"));

    // Act 3: the editor publishes a paper in the series.
    await createDraft(editor, { title, reportNumber: `E2E-${newTag()}`, language: locale });
    await publish(editor);

    // Assert 3: one alert for it, in the subscriber's language, with RFC 8058's one-click unsubscribe.
    const alertSubject = t("AlertMail.alertSubject", { site, title });
    await expect.poll(async () => (await mailsWithSubject(address, alertSubject)).length, MAIL_WAIT).toBe(1);
    const [alert] = await mailsWithSubject(address, alertSubject);
    expect(alert!.text).toContain(title);
    expect(rawHeader(alert!, "List-Unsubscribe")).toMatch(
      new RegExp(`^<${escape(`${baseURL}/api/alerts/unsubscribe?locale=${locale}&token=`)}\\S+>$`),
    );
    expect(rawHeader(alert!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Act 4: unsubscribe from the alert's "Change your alerts / Unsubscribe" link.
    const manageLine = `${t("AlertMail.manage")} / ${t("AlertMail.unsubscribe")}: `;
    const manageUrl = linkIn(alert!, `${manageLine}${baseURL}/${locale}/alerts/manage?token=`).slice(manageLine.length);
    await page.goto(manageUrl);
    await expect(page.getByText(t("Alerts.manageFor", { email: address }))).toBeVisible();
    expect(await violations(page), "manage page").toEqual([]);
    await alerts.unsubscribe.click();

    // Assert 4
    await expect(alerts.unsubscribeStatus).toHaveText(t("Alerts.unsubscribed"));

    // Act 5: another paper in the series.
    const later = await createDraft(editor, { title: laterTitle, reportNumber: `E2E-${newTag()}`, language: locale });
    await publish(editor);

    // Assert 5: once it is announced (its deliveries are written in the same
    // transaction), none is for this address, and no mail of it came.
    await expect
      .poll(
        async () => (await queryE2e(`select 1 from "AlertAnnouncement" where "publicationId" = $1`, [later])).length,
        MAIL_WAIT,
      )
      .toBe(1);
    const deliveries = await queryE2e(
      `select 1 from "AlertDelivery" d join "AlertSubscriber" s on s.id = d."subscriberId"
       where s.email = $1 and d."publicationId" = $2`,
      [address, later],
    );
    expect(deliveries).toHaveLength(0);
    expect(await mailsWithSubject(address, t("AlertMail.alertSubject", { site, title: laterTitle }))).toHaveLength(0);
    // Nor did a second mail of the first paper come meanwhile.
    expect(await mailsWithSubject(address, alertSubject)).toHaveLength(1);
    await context.close();
  });
}

test("the subscribe button waits for the page's script: a tap before it would be a plain post the server refuses", async ({
  browser,
}) => {
  // Arrange: the page as the server sends it, before (here: without) its script.
  const t = translator("en");
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const before = new AlertsPage(await noScript.newPage(), "en");
  const withScript = await browser.newContext();
  const after = new AlertsPage(await withScript.newPage(), "en");

  // Act
  await before.page.goto("/en/alerts");
  await after.page.goto("/en/alerts");

  // Assert
  await expect(before.submit).toBeDisabled();
  await expect(before.submit).toHaveText(t("Alerts.submit"));
  await expect(after.submit).toBeEnabled();
  await Promise.all([noScript.close(), withScript.close()]);
});
