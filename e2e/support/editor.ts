// The editor's side of the specs that need a paper made through the admin UI.
import { expect, type Browser } from "@playwright/test";
import { EditorPage } from "../pages/editor-page";
import { signInAs } from "./sign-in";

/** A browser of its own with the editor signed in, on the editor's page object. */
export async function editorSession(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "editor");
  return { context, editor: new EditorPage(page) };
}

/**
 * Fills the new-publication form with what every paper needs (in the demo's
 * "IFANS Perspectives" series, by CHOI Wooseon) and saves it; returns its id.
 * `more` fills further fields first.
 */
export async function createDraft(
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
