import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Browser } from "@playwright/test";
import { EditorPage } from "./pages/editor-page";
import { SignInPage } from "./pages/sign-in-page";
import { queryE2e } from "./support/db";
import { mailsTo } from "./support/mail";
import { makePdf } from "./support/pdf";
import { STAFF } from "./support/users";

async function editorSession(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn("en", STAFF.editor.email, STAFF.editor.password);
  await expect(page).toHaveURL(/\/en\/admin$/);
  return { context, page };
}

/** Fills the new-publication form with what every paper needs and saves it; returns its id. */
async function createDraft(
  editor: EditorPage,
  fields: { title: string; reportNumber: string; language: "ko" | "en" },
  more: () => Promise<void> = () => Promise.resolve(),
) {
  await editor.page.goto("/en/admin/publications/new");
  await more();
  await editor.series.selectOption({ label: "IFANS Perspectives" });
  await editor.reportNumber.fill(fields.reportNumber);
  await editor.language.selectOption(fields.language);
  await editor.title.fill(fields.title);
  await editor.summary.fill("A paper written by the end-to-end test.");
  await editor.authorPick.selectOption({ label: "CHOI Wooseon · 최우선" });
  await editor.addAuthor.click();
  await editor.save.click();
  await expect(editor.page).toHaveURL(/\/en\/admin\/publications\/\d+\?created=1$/);
  return Number(/publications\/(\d+)/.exec(editor.page.url())![1]);
}

test("an editor writes a Korean paper with two authors and a Korean-named PDF, publishes it, and a reader downloads the same bytes", async ({
  browser,
}) => {
  const { context, page } = await editorSession(browser);
  const editor = new EditorPage(page);
  const tag = randomUUID().slice(0, 8);
  const title = `북한 정세 점검 ${tag}`;

  const id = await createDraft(editor, { title, reportNumber: `E2E-${tag}`, language: "ko" }, async () => {
    await editor.newAuthorKo.fill(`홍길동${tag}`);
    await editor.newAuthorEn.fill(`HONG Gildong${tag}`);
    await editor.createAuthor.click();
    await editor.body.fill("## 1. 서론\n\n본문입니다.\n\n## 2. 정책 제언\n\n<script>alert(1)</script>끝.");
    await expect(editor.previewToc.getByRole("listitem")).toHaveText(["1. 서론", "2. 정책 제언"]);
    await expect(page.getByTestId("preview-body")).not.toContainText("alert(1)");
  });

  // Authors in the order chosen: the new one first, then the existing one.
  const authors = await queryE2e<{ nameEn: string }>(
    `select a."nameEn" from "Authorship" x join "Author" a on a.id = x."authorId" where x."publicationId" = $1 order by x.position`,
    [id],
  );
  expect(authors.map((a) => a.nameEn)).toEqual([`HONG Gildong${tag}`, "CHOI Wooseon"]);

  const fileName = `IFANS 정세와 정책 E2E-${tag}(홍길동).pdf`;
  const pdf = await makePdf(`E2E ${tag}`);
  await editor.fileInput.setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf.bytes });
  await expect(editor.uploads.filter({ hasText: `${fileName}: uploaded.` })).toBeVisible();

  // Readers never see a draft.
  const reader = await browser.newPage();
  expect((await reader.goto(`/ko/publications/${id}`))?.status()).toBe(404);

  await editor.statusButton("Publish now").click();
  await expect(editor.statusMessage).toHaveText("Published: readers see it now.");
  await expect(editor.currentStatus).toHaveText("Published");

  await reader.goto(`/ko/publications?q=${encodeURIComponent(tag)}`);
  await reader.getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".prose")).not.toContainText("alert(1)");
  const download = reader.waitForEvent("download");
  await reader.getByRole("link", { name: fileName }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(fileName);
  const bytes = await readFile(await file.path());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(pdf.sha256);
  await context.close();
});

test("a scheduled paper appears on its own once its time has passed", async ({ browser }) => {
  const { context, page } = await editorSession(browser);
  const editor = new EditorPage(page);
  const tag = randomUUID().slice(0, 8);
  const title = `Scheduled paper ${tag}`;
  const id = await createDraft(editor, { title, reportNumber: `S-${tag}`, language: "en" });

  // Eight seconds from now on the institution's clock (Asia/Seoul, UTC+9, no daylight saving).
  const at = new Date(Date.now() + 8_000 + 9 * 3600_000).toISOString().slice(0, 19);
  await editor.publishAt.fill(at);
  await editor.statusButton("Schedule").click();
  await expect(editor.statusMessage).toHaveText("Scheduled: it appears at the chosen time.");

  const reader = await browser.newPage();
  expect((await reader.goto(`/en/publications/${id}`))?.status()).toBe(404);
  // Pages are cached for a few seconds, so it may take a moment past its time to show.
  await expect
    .poll(async () => (await reader.goto(`/en/publications/${id}`))?.status(), { timeout: 30_000, intervals: [2_000] })
    .toBe(200);
  await reader.goto(`/en/publications?q=${tag}`);
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await context.close();
});

test("readers see an editor's change at once, even while the page is answered from the server's copy", async ({
  browser,
  request,
}) => {
  const { context, page } = await editorSession(browser);
  const editor = new EditorPage(page);
  const tag = randomUUID().slice(0, 8);
  const id = await createDraft(editor, { title: `Cached paper ${tag}`, reportNumber: `P-${tag}`, language: "en" });
  await editor.statusButton("Publish now").click();
  await expect(editor.currentStatus).toHaveText("Published");

  // Read often enough that the server answers it from its copy (server/page-cache.ts).
  await expect
    .poll(async () => (await request.get(`/en/publications/${id}`)).headers()["x-perspectives-cache"], { timeout: 10_000 })
    .toBe("hit");
  await page.reload();
  await editor.title.fill(`Cached paper ${tag} (revised)`);
  await editor.save.click();
  await expect(editor.formStatus).toContainText("Saved.");

  const after = await request.get(`/en/publications/${id}`);
  expect(await after.text()).toContain(`Cached paper ${tag} (revised)`);

  await editor.statusButton("Back to draft").click();
  await expect(editor.currentStatus).toHaveText("Draft");
  expect((await request.get(`/en/publications/${id}`)).status()).toBe(404);
  await context.close();
});

test("two editors saving the same paper: the second gets a conflict, not a silent overwrite", async ({ browser }) => {
  const first = await editorSession(browser);
  const tag = randomUUID().slice(0, 8);
  const id = await createDraft(new EditorPage(first.page), {
    title: `Conflict ${tag}`,
    reportNumber: `C-${tag}`,
    language: "en",
  });
  const second = await editorSession(browser);
  const a = new EditorPage(first.page);
  const b = new EditorPage(second.page);
  await a.page.goto(`/en/admin/publications/${id}`);
  await b.page.goto(`/en/admin/publications/${id}`);
  await a.title.fill(`Conflict ${tag} (A)`);
  await a.save.click();
  await expect(a.formStatus).toContainText("Saved.");
  await b.title.fill(`Conflict ${tag} (B)`);
  await b.save.click();
  await expect(b.formStatus).toContainText("Someone else saved this publication");
  const [row] = await queryE2e<{ title: string }>(`select title from "Publication" where id = $1`, [id]);
  expect(row!.title).toBe(`Conflict ${tag} (A)`);
  await first.context.close();
  await second.context.close();
});

test("a duplicate report number in the same series and language is refused with a clear message", async ({ browser }) => {
  const { context, page } = await editorSession(browser);
  const editor = new EditorPage(page);
  await page.goto("/en/admin/publications/new");
  await editor.series.selectOption({ label: "IFANS Perspectives" });
  await editor.reportNumber.fill("2024-14E");
  await editor.language.selectOption("en");
  await editor.title.fill("Another paper");
  await editor.authorPick.selectOption({ label: "CHOI Wooseon · 최우선" });
  await editor.addAuthor.click();
  await editor.save.click();
  await expect(page.locator("#reportNumber-error")).toHaveText("This report number is already used in this series and language.");
  await expect(page).toHaveURL(/\/new$/);
  await context.close();
});

test("leaving the editor with unsaved changes asks first; leaving it unchanged does not", async ({ browser }) => {
  const { context, page } = await editorSession(browser);
  const dialogs: string[] = [];
  const collect = (p: typeof page) =>
    p.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss(); // "stay on the page"
    });

  // Untouched: the tab closes without a question.
  collect(page);
  await page.goto("/en/admin/publications/new");
  await new EditorPage(page).title.click();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual([]);

  // Typed into (keystrokes, so the browser sees a person): closing asks, and staying keeps the work.
  const second = await context.newPage();
  collect(second);
  await second.goto("/en/admin/publications/new");
  const editor = new EditorPage(second);
  await editor.title.click();
  await editor.title.pressSequentially("Half-written paper");
  await second.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(second.isClosed()).toBe(false);
  await expect(editor.title).toHaveValue("Half-written paper");
  await context.close();
});

test("staff sign in with a link sent by email, read from a real SMTP server", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto("en");
  await signIn.linkForm.getByLabel("Email").fill(STAFF.analyst.email);
  await signIn.linkForm.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect.poll(async () => (await mailsTo(STAFF.analyst.email)).length).toBeGreaterThan(0);
  const mails = await mailsTo(STAFF.analyst.email);
  const link = /(http:\/\/localhost:\d+\/api\/auth\/callback\/email\?[^\s]+)/.exec(mails.at(-1)!.text ?? "")?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByText(`Signed in as ${STAFF.analyst.email} (Analyst)`)).toBeVisible();
});

test("staff sign in through their institution's single sign-on, a real OpenID Connect provider", async ({ page }) => {
  await new SignInPage(page).signInWithSso("en", STAFF.editor.email);
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByText(`Signed in as ${STAFF.editor.email} (Editor)`)).toBeVisible();
});

test("single sign-on lets in only invited staff, and says so", async ({ page }) => {
  await new SignInPage(page).signInWithSso("en", `stranger-${randomUUID()}@perspectives.test`);
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: "This account is not invited as staff." })).toBeVisible();
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await new SignInPage(page).signIn("en", STAFF.editor.email, "not-the-password");
  await expect(page.getByRole("status").filter({ hasText: "The email or password is not right." })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/sign-in/);
});
