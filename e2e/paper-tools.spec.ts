// A paper's page as readers get it is plain HTML, kept or sent by the server
// without React (lib/render/static-page.ts); what it does in the browser is
// its islands' (islands/paper.ts). These are its tools there: copy the link,
// KakaoTalk (the system share sheet, or a copy where there is none), print.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PublicationPage } from "./pages/publication-page";
import { seedPaperIds } from "./support/db";
import { createPaper } from "./support/papers";
import { translator } from "./support/messages";
import { CACHE_STATUS_HEADER } from "@/server/page-cache";

const t = translator("en");

/** The seed paper's page as the server keeps it (stored, or its copy of it); its address. */
async function openPlainPage(page: Page) {
  const ids = await seedPaperIds();
  const path = `/en/publications/${ids.en}`;
  await expect.poll(async () => (await page.request.get(path)).headers()[CACHE_STATUS_HEADER]).toMatch(/^(?:stored|hit)$/);
  const response = await page.goto(path);
  expect(response!.headers()[CACHE_STATUS_HEADER]).toMatch(/^(?:stored|hit)$/);
  expect(await response!.text()).not.toContain("self.__next_f");
  return new URL(response!.url());
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("Copy link puts the paper's address on the clipboard and says so", async ({ page }) => {
  // Arrange
  const url = await openPlainPage(page);
  const share = new PublicationPage(page).share;

  // Act
  await share.getByRole("button", { name: t("Share.copy") }).click();

  // Assert
  await expect(share.getByRole("status").filter({ hasText: t("ShareLink.copied") })).toBeVisible();
  // The address is APP_URL's, which in the e2e portal is the one the browser opened.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url.href);
});

test("KakaoTalk opens the system share sheet where there is one, and copies the link where there is none", async ({ page }) => {
  // Arrange: a share sheet that records what it was given, as a phone's would show it.
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.assign(window, { shared });
    Object.defineProperty(navigator, "share", {
      configurable: true,
      value: (data: ShareData) => (shared.push(data), Promise.resolve()),
    });
  });
  const url = await openPlainPage(page);
  const kakao = new PublicationPage(page).share.getByRole("button", { name: t("Share.kakao") });

  // Act
  await kakao.click();
  const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
  // Without a share sheet (a desktop browser): the link is copied instead.
  await page.evaluate(() => Reflect.deleteProperty(navigator, "share"));
  await kakao.click();

  // Assert
  expect(shared).toEqual([
    { title: await new PublicationPage(page).title.textContent(), url: expect.stringMatching(`${url.pathname}$`) },
  ]);
  await expect(page.getByRole("status").filter({ hasText: t("ShareLink.kakaoCopied") })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${url.pathname}$`));
});

test("Print opens the browser's print dialog", async ({ page }) => {
  // Arrange: the browser's print dialog, counted (a headless browser shows none).
  await page.addInitScript(() => {
    Object.assign(window, { printed: 0 });
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await openPlainPage(page);

  // Act
  await page.getByRole("button", { name: t("Publication.print") }).click();

  // Assert
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

test("a paper's page Next answers itself, neither stored nor copied, comes plain too, and its tools work", async ({ page }) => {
  // Arrange: a new paper's copy under the other language's menus, stored only once read, so Next renders it.
  await page.addInitScript(() => {
    Object.assign(window, { printed: 0 });
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  const paper = await createPaper({ language: "en" });

  // Act
  const response = await page.goto(`/ko/publications/${paper.id}`);

  // Assert: Next's answer without React (server/plain-pages.ts), and its islands at work.
  expect(response!.headers()[CACHE_STATUS_HEADER]).toBe("miss");
  expect(await response!.text()).not.toContain("self.__next_f");
  await page.getByRole("button", { name: translator("ko")("Publication.print") }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});

/** The islands' script as the paper page names it, and a server of the test's own that serves it (a module script needs the page's origin). */
async function ownServer(request: APIRequestContext, page: (res: ServerResponse) => void) {
  const ids = await seedPaperIds();
  const src = /<script type="module" async="" src="(\/islands\/[^"]+)">/.exec(
    await (await request.get(`/en/publications/${ids.en}`)).text(),
  )![1]!;
  const script = await (await request.get(src)).body();
  const server = createServer((req, res) => {
    if (req.url === src) return res.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    page(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { src, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

test("an island whose markup is still arriving when its script runs works once the page is in", async ({ page, request }) => {
  // Arrange: the islands' script, first in a page whose print button comes half a second later (a slow line).
  const server = await ownServer(request, (res) => {
    res.write(
      `<!DOCTYPE html><html lang="en"><head><script type="module" async src="${server.src}"></script></head><body><print-page>`,
    );
    setTimeout(() => res.end(`<button type="button">Print</button></print-page></body></html>`), 500);
  });
  await page.addInitScript(() => {
    Object.assign(window, { printed: 0 });
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });

  try {
    // Act
    await page.goto(server.url);
    await page.getByRole("button", { name: "Print" }).click();

    // Assert
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  } finally {
    server.close();
  }
});

test("where the site sends no mail, Send Email's dialog says so in the page's language, and offers no form", async ({
  page,
  request,
}) => {
  // Arrange: the button as the server writes it on such a site (tests/email-share.test.ts), on a Korean page.
  const ko = translator("ko");
  const server = await ownServer(request, (res) =>
    res.end(
      `<!DOCTYPE html><html lang="ko"><head><title>t</title><script type="module" async src="${server.src}"></script></head><body>` +
        `<div data-url="https://think.example/ko/publications/1" data-title="t">` +
        `<send-email data-endpoint="/ko/publications/1/email" data-unavailable="">` +
        `<button type="button" aria-haspopup="dialog">${ko("SendEmailDialog.open")}</button></send-email></div></body></html>`,
    ),
  );

  try {
    // Act
    await page.goto(server.url);
    const opener = page.getByRole("button", { name: ko("SendEmailDialog.open") });
    await opener.click();

    // Assert: the notice, no form, and Esc gives focus back to the button.
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(ko("SendEmailDialog.notConfigured"));
    await expect(dialog.locator("form")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  } finally {
    server.close();
  }
});
