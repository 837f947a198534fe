import { expect, test } from "@playwright/test";
import { AuthorEditorPage } from "./pages/author-editor-page";
import { SignInPage } from "./pages/sign-in-page";
import { queryE2e } from "./support/db";
import { STAFF } from "./support/users";

test("an editor corrects an author's name; the author page and the paper show it, and a bad save loses nothing", async ({
  page,
  browser,
}) => {
  // Not the seed paper's author: other specs read that name.
  const [author] = await queryE2e<{ id: number; nameEn: string; nameKo: string; paperId: number }>(
    `select a.id, a."nameEn", a."nameKo", min(p.id) as "paperId" from "Author" a
     join "Authorship" s on s."authorId" = a.id join "Publication" p on p.id = s."publicationId"
     where p.status = 'published' and p.language = 'en' and a."nameEn" <> 'CHOI Wooseon'
     group by a.id order by a.id desc limit 1`,
  );
  const corrected = `${author!.nameEn} Jr ${Date.now() % 100_000}`;
  try {
    await new SignInPage(page).signIn("en", STAFF.editor.email, STAFF.editor.password);
    await expect(page).toHaveURL(/\/en\/admin$/);
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Authors" }).click();
    const editor = new AuthorEditorPage(page);
    await editor.search.fill(author!.nameEn);
    await editor.search.press("Enter");
    await page.getByRole("link", { name: author!.nameEn, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${author!.nameEn}`);

    // A refused save says which field and why, and keeps what was typed.
    await editor.field("English", "Name").fill(corrected);
    await editor.field("Korean", "Name").fill("");
    await editor.save.click();
    await expect(editor.formStatus).toHaveText("Please correct the fields marked below.");
    await expect(page.locator("#nameKo-error")).toHaveText("This field is required.");
    await expect(editor.field("English", "Name")).toHaveValue(corrected);

    await editor.field("Korean", "Name").fill(author!.nameKo);
    await editor.save.click();
    await expect(editor.formStatus).toHaveText("Saved. Readers see the change within seconds.");

    // A robot's browser: reading the paper here must not add a view other specs count.
    const reader = await browser.newPage({ userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" });
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
    await reader.close();
  } finally {
    await queryE2e(`update "Author" set "nameEn" = $2, "nameKo" = $3 where id = $1`, [
      author!.id,
      author!.nameEn,
      author!.nameKo,
    ]);
  }
});

test("two editors saving the same author: the second is told, and the first one's change stays", async ({ browser }) => {
  const [author] = await queryE2e<{ id: number; positionEn: string }>(
    // The lowest id: the other test here edits the highest, and both may run at once.
    `select id, "positionEn" from "Author" where "nameEn" <> 'CHOI Wooseon' order by id asc limit 1`,
  );
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new SignInPage(page).signIn("en", STAFF.editor.email, STAFF.editor.password);
    await expect(page).toHaveURL(/\/en\/admin$/);
    await page.goto(`/en/admin/authors/${author!.id}`);
    return { context, editor: new AuthorEditorPage(page) };
  };
  const first = await open();
  const second = await open();
  try {
    await first.editor.field("English", "Position").fill("Senior Fellow");
    await first.editor.save.click();
    await expect(first.editor.formStatus).toHaveText("Saved. Readers see the change within seconds.");

    await second.editor.field("English", "Position").fill("Visiting Fellow");
    await second.editor.save.click();
    await expect(second.editor.formStatus).toContainText("Someone else saved this author after you opened it.");
    const [after] = await queryE2e<{ positionEn: string }>(`select "positionEn" from "Author" where id = $1`, [author!.id]);
    expect(after!.positionEn).toBe("Senior Fellow");
  } finally {
    await first.context.close();
    await second.context.close();
    await queryE2e(`update "Author" set "positionEn" = $2 where id = $1`, [author!.id, author!.positionEn]);
  }
});
