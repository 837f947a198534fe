import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { EditorPage } from "./pages/editor-page";
import { ListingPage } from "./pages/listing-page";
import { SignInPage } from "./pages/sign-in-page";
import { queryE2e } from "./support/db";
import { mailsTo } from "./support/mail";
import { translator } from "./support/messages";
import { makePdf } from "./support/pdf";
import { createDraft, editorSession } from "./support/editor";
import { STAFF } from "./support/users";

const t = translator("en");

/** A draft, published from its editor page; returns its id. */
async function publishedPaper(editor: EditorPage, fields: { title: string; reportNumber: string; language: "ko" | "en" }) {
  const id = await createDraft(editor, fields);
  await editor.statusButton("publish").click();
  await expect(editor.currentStatus).toHaveText(t("Editor.status.published"));
  return id;
}

/** A published paper read often enough that the server answers it from its copy (server/page-cache.ts). */
async function hotPaper(editor: EditorPage, request: APIRequestContext, title: string) {
  const id = await publishedPaper(editor, { title, reportNumber: `E2E-${newTag()}`, language: "en" });
  await expect.poll(async () => (await request.get(`/en/publications/${id}`)).headers()["x-perspectives-cache"]).toBe("hit");
  return id;
}

const newTag = () => randomUUID().slice(0, 8);

test("a new paper keeps its authors in the order chosen, a newly created one first", async ({ browser }) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const tag = newTag();

  // Act: a new author created in the form, then an existing one added by createDraft.
  const id = await createDraft(editor, { title: `Authors ${tag}`, reportNumber: `E2E-${tag}`, language: "ko" }, async () => {
    await editor.newAuthorKo.fill(`홍길동${tag}`);
    await editor.newAuthorEn.fill(`HONG Gildong${tag}`);
    await editor.createAuthor.click();
  });

  // Assert
  const authors = await queryE2e<{ nameEn: string }>(
    `select a."nameEn" from "Authorship" x join "Author" a on a.id = x."authorId" where x."publicationId" = $1 order by x.position`,
    [id],
  );
  expect(authors.map((a) => a.nameEn)).toEqual([`HONG Gildong${tag}`, "CHOI Wooseon"]);
  await context.close();
});

test("the body's headings make the preview's table of contents, and a script in it runs neither there nor for readers", async ({
  browser,
}) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const tag = newTag();
  const title = `Sanitized ${tag}`;
  const reader = await browser.newPage();

  // Act: write the body, then save and publish the paper.
  const id = await createDraft(editor, { title, reportNumber: `E2E-${tag}`, language: "ko" }, async () => {
    await editor.body.fill("## 1. 서론\n\n본문입니다.\n\n## 2. 정책 제언\n\n<script>alert(1)</script>끝.");
    await expect(editor.previewToc.getByRole("listitem")).toHaveText(["1. 서론", "2. 정책 제언"]);
    await expect(editor.previewBody).not.toContainText("alert(1)");
  });
  await editor.statusButton("publish").click();
  await expect(editor.currentStatus).toHaveText(t("Editor.status.published"));
  await reader.goto(`/ko/publications/${id}`);

  // Assert
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".prose")).toContainText("본문입니다.");
  await expect(reader.locator(".prose")).not.toContainText("alert(1)");
  await context.close();
});

test("readers never see a draft", async ({ browser }) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const tag = newTag();
  const id = await createDraft(editor, { title: `Draft ${tag}`, reportNumber: `E2E-${tag}`, language: "ko" });
  const reader = await browser.newPage();

  // Act
  const response = await reader.goto(`/ko/publications/${id}`);

  // Assert
  expect(response?.status()).toBe(404);
  await context.close();
});

test("an editor publishes a Korean paper with a Korean-named PDF; a reader finds it and downloads the same bytes", async ({
  browser,
}) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const tag = newTag();
  const title = `북한 정세 점검 ${tag}`;
  const fileName = `IFANS 정세와 정책 E2E-${tag}(홍길동).pdf`;
  const pdf = await makePdf(`E2E ${tag}`);
  const id = await createDraft(editor, { title, reportNumber: `E2E-${tag}`, language: "ko" });
  const reader = await browser.newPage();

  // Act: attach the PDF and publish; the reader searches for the paper and downloads the file.
  await editor.fileInput.setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf.bytes });
  await expect(editor.uploads.filter({ hasText: t("Uploads.uploaded", { fileName }) })).toBeVisible();
  await editor.statusButton("publish").click();
  await expect(editor.statusMessage).toHaveText(t("Editor.status.done.published"));
  await expect(editor.currentStatus).toHaveText(t("Editor.status.published"));
  await new ListingPage(reader).searchUntilListed("ko", tag, title);
  await reader.getByRole("link", { name: title }).click();
  const download = reader.waitForEvent("download");
  await reader.getByRole("link", { name: fileName }).click();
  const file = await download;

  // Assert
  expect(reader.url()).toMatch(new RegExp(`/ko/publications/${id}$`));
  expect(file.suggestedFilename()).toBe(fileName);
  const bytes = await readFile(await file.path());
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(pdf.sha256);
  await context.close();
});

test("a scheduled paper appears on its own once its time has passed", async ({ browser }) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const tag = newTag();
  const title = `Scheduled paper ${tag}`;
  const id = await createDraft(editor, { title, reportNumber: `E2E-${tag}`, language: "en" });
  const reader = await browser.newPage();
  // Far enough ahead for the reader's first look to come before it.
  const IN_MS = 8_000;
  // Its time on the institution's clock (Asia/Seoul, UTC+9, no daylight saving).
  const at = new Date(Date.now() + IN_MS + 9 * 3600_000).toISOString().slice(0, 19);

  // Act
  await editor.publishAt.fill(at);
  await editor.statusButton("schedule").click();
  await expect(editor.statusMessage).toHaveText(t("Editor.status.done.scheduled"));

  // Assert: not there before its time; there after it, though pages are cached for a few seconds.
  expect((await reader.goto(`/en/publications/${id}`))?.status()).toBe(404);
  await expect
    .poll(async () => (await reader.goto(`/en/publications/${id}`))?.status(), { timeout: IN_MS + 20_000, intervals: [1_000] })
    .toBe(200);
  await reader.goto(`/en/publications?q=${tag}`);
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await context.close();
});

test("readers see an editor's change at once, even while the page is answered from the server's copy", async ({
  browser,
  request,
}) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const tag = newTag();
  const id = await hotPaper(editor, request, `Cached paper ${tag}`);

  // Act
  await editor.page.reload();
  await editor.title.fill(`Cached paper ${tag} (revised)`);
  await editor.save.click();
  await expect(editor.formStatus).toContainText(t("Editor.saved"));

  // Assert
  expect(await (await request.get(`/en/publications/${id}`)).text()).toContain(`Cached paper ${tag} (revised)`);
  await context.close();
});

test("a paper moved back to draft is gone for readers at once, even while answered from the server's copy", async ({
  browser,
  request,
}) => {
  // Arrange
  const { context, editor } = await editorSession(browser);
  const id = await hotPaper(editor, request, `Unpublished paper ${newTag()}`);

  // Act
  await editor.statusButton("unpublish").click();
  await expect(editor.currentStatus).toHaveText(t("Editor.status.draft"));

  // Assert
  expect((await request.get(`/en/publications/${id}`)).status()).toBe(404);
  await context.close();
});

test("two editors saving the same paper: the second gets a conflict, not a silent overwrite", async ({ browser }) => {
  // Arrange: both open the same draft.
  const first = await editorSession(browser);
  const tag = newTag();
  const id = await createDraft(first.editor, { title: `Conflict ${tag}`, reportNumber: `E2E-${tag}`, language: "en" });
  const second = await editorSession(browser);
  const [a, b] = [first.editor, second.editor];
  await a.page.goto(`/en/admin/publications/${id}`);
  await b.page.goto(`/en/admin/publications/${id}`);

  // Act
  await a.title.fill(`Conflict ${tag} (A)`);
  await a.save.click();
  await expect(a.formStatus).toContainText(t("Editor.saved"));
  await b.title.fill(`Conflict ${tag} (B)`);
  await b.save.click();

  // Assert
  await expect(b.formStatus).toContainText(t("Editor.conflict"));
  const [row] = await queryE2e<{ title: string }>(`select title from "Publication" where id = $1`, [id]);
  expect(row!.title).toBe(`Conflict ${tag} (A)`);
  await first.context.close();
  await second.context.close();
});

test("a duplicate report number in the same series and language is refused with a clear message", async ({ browser }) => {
  // Arrange: the seed paper's series, number and language.
  const { context, editor } = await editorSession(browser);
  await editor.page.goto("/en/admin/publications/new");
  await editor.series.selectOption({ label: "IFANS Perspectives" });
  await editor.reportNumber.fill("2024-14E");
  await editor.language.selectOption("en");
  await editor.title.fill("Another paper");
  await editor.authorPick.selectOption({ label: "CHOI Wooseon · 최우선" });
  await editor.addAuthor.click();

  // Act
  await editor.save.click();

  // Assert
  await expect(editor.fieldError("reportNumber")).toHaveText(t("Editor.errors.reportNumberTaken"));
  await expect(editor.page).toHaveURL(/\/new$/);
  await context.close();
});

/** Notes the kind of every dialog the page opens, and answers it "stay on the page". */
function dialogsOf(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  return dialogs;
}

test("leaving the editor unchanged does not ask", async ({ browser }) => {
  // Arrange: the form, clicked into but not typed in.
  const { context, editor } = await editorSession(browser);
  const dialogs = dialogsOf(editor.page);
  await editor.page.goto("/en/admin/publications/new");
  await editor.title.click();

  // Act
  await editor.page.close({ runBeforeUnload: true });

  // Assert: the tab closes without a question.
  await expect.poll(() => editor.page.isClosed()).toBe(true);
  expect(dialogs).toEqual([]);
  await context.close();
});

test("leaving the editor with unsaved changes asks first, and staying keeps the work", async ({ browser }) => {
  // Arrange: typed into with keystrokes, so the browser sees a person.
  const { context, editor } = await editorSession(browser);
  const dialogs = dialogsOf(editor.page);
  await editor.page.goto("/en/admin/publications/new");
  await editor.title.click();
  await editor.title.pressSequentially("Half-written paper");

  // Act: close the tab, and answer "stay".
  await editor.page.close({ runBeforeUnload: true });

  // Assert
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(editor.page.isClosed()).toBe(false);
  await expect(editor.title).toHaveValue("Half-written paper");
  await context.close();
});

const signedInLine = (who: (typeof STAFF)["analyst" | "editor"]) =>
  t("Admin.signedInAs", { email: who.email, role: t(`Admin.roles.${who.role}`) });

test("staff sign in with a link sent by email, read from a real SMTP server", async ({ page }) => {
  // Arrange
  const signIn = new SignInPage(page);
  await signIn.goto("en");

  // Act: ask for a link, and open the one the mail server received (not an earlier run's, used already).
  const before = (await mailsTo(STAFF.analyst.email)).length;
  await signIn.askForLink(STAFF.analyst.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("SignIn.checkEmailTitle"));
  await expect.poll(async () => (await mailsTo(STAFF.analyst.email)).length).toBeGreaterThan(before);
  const mails = await mailsTo(STAFF.analyst.email);
  const link = /(http:\/\/localhost:\d+\/api\/auth\/callback\/email\?[^\s]+)/.exec(mails.at(-1)!.text ?? "")?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);

  // Assert
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByText(signedInLine(STAFF.analyst))).toBeVisible();
});

test("staff sign in through their institution's single sign-on, a real OpenID Connect provider", async ({ page }) => {
  // Act
  await new SignInPage(page).signInWithSso("en", STAFF.editor.email);

  // Assert
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByText(signedInLine(STAFF.editor))).toBeVisible();
});

test("single sign-on lets in only invited staff, and says so", async ({ page }) => {
  // Act
  await new SignInPage(page).signInWithSso("en", `stranger-${randomUUID()}@perspectives.test`);

  // Assert: refused with a reason, and still not signed in.
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: t("SignIn.accessDenied") })).toBeVisible();
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  // Act
  await new SignInPage(page).signIn("en", STAFF.editor.email, "not-the-password");

  // Assert
  await expect(page.getByRole("status").filter({ hasText: t("SignIn.invalid") })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/sign-in/);
});
