import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { canonicalLegacyUrl } from "@/lib/legacy-urls/canonical";
import { RedirectsPage } from "./pages/redirects-page";
import { translator } from "./support/messages";
import { queryE2e } from "./support/db";
import { createPaper } from "./support/papers";
import { signInAs } from "./support/sign-in";

const tag = () => randomUUID().slice(0, 8);

test("an imported paper's old link, its parameters reordered and a tracking one added, answers 301 to the paper's page", async ({
  request,
  baseURL,
}) => {
  // Arrange: a Korean paper with an old link, stored as the importer stores it.
  const paper = await createPaper({ language: "ko" });
  const path = `/board-${tag()}/view.do`;
  const stored = canonicalLegacyUrl(`${path}?seq=12345&menu=2`)!;
  await queryE2e(`insert into "LegacyUrl" (path, "paramNames", query, "publicationId") values ($1, $2, $3, $4)`, [
    stored.path,
    stored.paramNames,
    stored.query,
    paper.id,
  ]);
  try {
    // Act
    const res = await request.get(`${path}?utm_source=newsletter&menu=2&seq=12345`, { maxRedirects: 0 });

    // Assert
    expect(res.status()).toBe(301);
    expect(res.headers().location).toBe(`${baseURL}/ko/publications/${paper.id}`);
  } finally {
    await queryE2e(`delete from "Publication" where id = $1`, [paper.id]);
  }
});

test("a rule an editor adds on the old links page redirects the old paths under it", async ({ page, request, baseURL }) => {
  // Arrange
  const prefix = `/old-series-${tag()}/`;
  await signInAs(page, "editor");
  const redirects = new RedirectsPage(page, "en");
  await redirects.goto();
  try {
    // Act
    await redirects.fromPath.fill(`${prefix}*`);
    await redirects.toPath.fill("/en/publications");
    await redirects.add.click();
    await expect(redirects.status).toHaveText(translator("en")("Redirects.created"));
    const res = await request.get(`${prefix}list.do?page=3`, { maxRedirects: 0 });

    // Assert
    expect(res.status()).toBe(301);
    expect(res.headers().location).toBe(`${baseURL}/en/publications`);
    await expect(redirects.deleteButton(`${prefix}*`)).toBeVisible();
  } finally {
    await queryE2e(`delete from "RedirectRule" where "fromPath" = $1`, [`${prefix}*`]);
  }
});

test("an old link nothing knows still gets the 404 page", async ({ request }) => {
  // Act
  const res = await request.get(`/board-${tag()}/view.do?seq=1`, { maxRedirects: 0 });

  // Assert
  expect(res.status()).toBe(404);
});
