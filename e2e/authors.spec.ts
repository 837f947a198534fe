import { expect, test } from "@playwright/test";
import { AuthorEditorPage } from "./pages/author-editor-page";
import { queryE2e } from "./support/db";
import { translator } from "./support/messages";
import { signInAs } from "./support/sign-in";
import { ROBOT } from "./support/user-agents";

const t = translator("en");

// Each test edits an author of its own (tests may run at once), never the seed paper's, whose name other specs read.
const NOT_THE_SEED_AUTHOR = `"nameEn" <> 'CHOI Wooseon'`;

test("a refused author save says which field and why, and keeps what was typed", async ({ page }) => {
  // Arrange: the second-lowest id (the conflict test below edits the lowest, the correction test the highest).
  const [author] = await queryE2e<{ id: number; nameEn: string }>(
    `select id, "nameEn" from "Author" where ${NOT_THE_SEED_AUTHOR} order by id asc offset 1 limit 1`,
  );
  await signInAs(page, "editor");
  await page.goto(`/en/admin/authors/${author!.id}`);
  const editor = new AuthorEditorPage(page);
  const typed = `${author!.nameEn} (typed)`;

  // Act
  await editor.field("en", "name").fill(typed);
  await editor.field("ko", "name").fill("");
  await editor.save.click();

  // Assert
  await expect(editor.formStatus).toHaveText(t("Authors.fixErrors"));
  await expect(editor.fieldError("nameKo")).toHaveText(t("Authors.errors.required"));
  await expect(editor.field("en", "name")).toHaveValue(typed);
  const [stored] = await queryE2e<{ nameEn: string }>(`select "nameEn" from "Author" where id = $1`, [author!.id]);
  expect(stored!.nameEn).toBe(author!.nameEn);
});

test("an editor corrects an author's name; the author page and the paper show it", async ({ page, browser }) => {
  // Arrange
  const [author] = await queryE2e<{ id: number; nameEn: string; nameKo: string; paperId: number }>(
    `select a.id, a."nameEn", a."nameKo", min(p.id) as "paperId" from "Author" a
     join "Authorship" s on s."authorId" = a.id join "Publication" p on p.id = s."publicationId"
     where p.status = 'published' and p.language = 'en' and a.${NOT_THE_SEED_AUTHOR}
     group by a.id order by a.id desc limit 1`,
  );
  const corrected = `${author!.nameEn} Jr ${Date.now() % 100_000}`;
  // A robot's browser: reading the paper here must not add a view other specs count.
  const reader = await browser.newPage({ userAgent: ROBOT });
  try {
    await signInAs(page, "editor");
    const editor = new AuthorEditorPage(page);

    // Act: find the author from the administration's menu, correct the name, save.
    await page
      .getByRole("navigation", { name: t("Admin.nav") })
      .getByRole("link", { name: t("Admin.authors") })
      .click();
    await editor.search.fill(author!.nameEn);
    await editor.search.press("Enter");
    await page.getByRole("link", { name: author!.nameEn, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("Authors.editTitle", { name: author!.nameEn }));
    await editor.field("en", "name").fill(corrected);
    await editor.save.click();

    // Assert: saved, and readers see it within seconds on the author's page and the paper's.
    await expect(editor.formStatus).toHaveText(t("Authors.saved"));
    await expect
      .poll(async () => {
        await reader.goto(`/en/authors/${author!.id}`);
        return reader.getByRole("heading", { level: 1 }).textContent();
      })
      .toBe(corrected);
    await expect
      .poll(async () => {
        await reader.goto(`/en/publications/${author!.paperId}`);
        return reader.getByRole("main").textContent();
      })
      .toContain(corrected);
  } finally {
    await reader.close();
    await queryE2e(`update "Author" set "nameEn" = $2, "nameKo" = $3 where id = $1`, [
      author!.id,
      author!.nameEn,
      author!.nameKo,
    ]);
  }
});

test("two editors saving the same author: the second is told, and the first one's change stays", async ({ browser }) => {
  // Arrange: both editors open the author with the lowest id.
  const [author] = await queryE2e<{ id: number; positionEn: string }>(
    `select id, "positionEn" from "Author" where ${NOT_THE_SEED_AUTHOR} order by id asc limit 1`,
  );
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, "editor");
    await page.goto(`/en/admin/authors/${author!.id}`);
    return { context, editor: new AuthorEditorPage(page) };
  };
  const first = await open();
  const second = await open();
  try {
    // Act
    await first.editor.field("en", "position").fill("Senior Fellow");
    await first.editor.save.click();
    await expect(first.editor.formStatus).toHaveText(t("Authors.saved"));
    await second.editor.field("en", "position").fill("Visiting Fellow");
    await second.editor.save.click();

    // Assert
    await expect(second.editor.formStatus).toContainText(t("Authors.conflict"));
    const [after] = await queryE2e<{ positionEn: string }>(`select "positionEn" from "Author" where id = $1`, [author!.id]);
    expect(after!.positionEn).toBe("Senior Fellow");
  } finally {
    await first.context.close();
    await second.context.close();
    await queryE2e(`update "Author" set "positionEn" = $2 where id = $1`, [author!.id, author!.positionEn]);
  }
});
