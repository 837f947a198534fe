// Site settings in the browser: an admin saves the institution's name, uploads
// a logo, is refused an SVG with a script, removes the logo; /favicon.ico is
// always an image. On a portal of its own (a fresh database and files): the
// settings are one row and one image per kind that every page of the shared
// portal shows, and other specs read those.
import { crc32, deflateSync } from "node:zlib";
import { expect, test, type Browser } from "@playwright/test";
import { DEFAULT_FAVICON } from "@/lib/site-settings/default-favicon";
import { SiteSettingsPage } from "./pages/site-settings";
import { signedIn, startFreshPortal, type FreshPortal } from "./support/fresh-portal";
import { translator } from "./support/messages";

const t = translator("en");
const ADMIN = { email: "admin@settings.test", password: "settings-admin-password", role: "ADMIN", name: "Admin" } as const;

// One portal for the file: its tests run in order, in one worker.
test.describe.configure({ mode: "default" });

let portal: FreshPortal;

test.beforeAll(async () => {
  portal = await startFreshPortal("settings", [ADMIN]);
});

test.afterAll(async () => {
  await portal?.close();
});

/** An admin's browser on the settings page (English interface). */
async function settingsPage(browser: Browser) {
  const { context, page } = await signedIn(browser, portal, ADMIN);
  const settings = new SiteSettingsPage(page, "en");
  await settings.goto();
  return { context, settings };
}

/** A one-colour PNG of this size; the colour makes its bytes its own. */
function png(size: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const SCRIPTED_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/><script>alert(document.cookie)</script></svg>`;

test("an admin sets the institution's name; the saved name is what the settings page shows", async ({ browser }) => {
  // Arrange
  const { context, settings } = await settingsPage(browser);
  const name = { en: `Hanbit Policy Institute ${Date.now() % 100_000}`, ko: "한빛정책연구원" };

  // Act
  await settings.institutionName("en").fill(name.en);
  await settings.institutionName("ko").fill(name.ko);
  await settings.save.click();

  // Assert
  await expect(settings.savedStatus).toBeVisible();
  await settings.goto();
  await expect(settings.institutionName("en")).toHaveValue(name.en);
  await expect(settings.institutionName("ko")).toHaveValue(name.ko);
  await context.close();
});

test("an admin uploads a PNG logo; the page previews it and readers get it from /api/site/logo", async ({ browser }) => {
  // Arrange
  const { context, settings } = await settingsPage(browser);
  const logo = png(64, [17, 68, 119]);

  // Act
  await settings.uploadLogo({ name: "logo.png", mimeType: "image/png", buffer: logo });

  // Assert
  await expect(settings.imageStatus("logo").filter({ hasText: t("SettingsAdmin.images.uploaded") })).toBeVisible();
  await expect(settings.facts("logo")).toContainText(t("SettingsAdmin.images.dimensions", { width: 64, height: 64 }));
  await expect(settings.logoPreview).toBeVisible();
  const versioned = await context.request.get((await settings.logoPreview.getAttribute("src"))!);
  expect(versioned.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const reader = await fetch(`${portal.origin}/api/site/logo`);
  expect([reader.status, reader.headers.get("content-type"), reader.headers.get("x-content-type-options")]).toEqual([
    200,
    "image/png",
    "nosniff",
  ]);
  expect(Buffer.from(await reader.arrayBuffer()).equals(logo)).toBe(true);
  await context.close();
});

test("an SVG logo with a script is refused on the file field, and the logo stays as it was", async ({ browser }) => {
  // Arrange
  const { context, settings } = await settingsPage(browser);
  const before = await fetch(`${portal.origin}/api/site/logo`);

  // Act
  await settings.uploadLogo({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(SCRIPTED_SVG) });

  // Assert
  await expect(settings.imageError("logo")).toHaveText(t("SettingsAdmin.images.errors.svgScript", { detail: "<script>" }));
  await expect(settings.fileInput("logo")).toHaveAttribute("aria-invalid", "true");
  const after = await fetch(`${portal.origin}/api/site/logo`);
  expect([after.status, after.headers.get("etag")]).toEqual([before.status, before.headers.get("etag")]);
  await context.close();
});

test("an admin removes the logo; the page says there is none and readers get 404", async ({ browser }) => {
  // Arrange
  const { context, settings } = await settingsPage(browser);
  await settings.uploadLogo({ name: "logo.png", mimeType: "image/png", buffer: png(48, [200, 30, 30]) });
  // The page shows this upload (not a logo from before), so its refresh cannot land after the removal's.
  await expect(settings.facts("logo")).toContainText(t("SettingsAdmin.images.dimensions", { width: 48, height: 48 }));

  // Act
  await settings.removeButton("logo").click();

  // Assert
  await expect(settings.imageStatus("logo").filter({ hasText: t("SettingsAdmin.images.removed") })).toBeVisible();
  await expect(settings.image("logo").getByText(t("SettingsAdmin.images.none.logo"))).toBeVisible();
  await expect(settings.removeButton("logo")).toBeDisabled();
  expect((await fetch(`${portal.origin}/api/site/logo`)).status).toBe(404);
  await context.close();
});

test("/favicon.ico is always an image: the built-in one, then the one an admin uploads", async ({ browser }) => {
  // Arrange: no icon uploaded on this portal.
  const builtIn = await fetch(`${portal.origin}/favicon.ico`);
  expect([builtIn.status, builtIn.headers.get("content-type")]).toEqual([200, "image/png"]);
  expect(Buffer.from(await builtIn.arrayBuffer()).equals(DEFAULT_FAVICON.bytes)).toBe(true);
  const { context, settings } = await settingsPage(browser);
  const icon = png(32, [30, 120, 60]);

  // Act
  await settings.upload("favicon", { name: "favicon.png", mimeType: "image/png", buffer: icon });

  // Assert
  await expect(settings.facts("favicon")).toContainText(t("SettingsAdmin.images.dimensions", { width: 32, height: 32 }));
  const uploaded = await fetch(`${portal.origin}/favicon.ico`);
  expect([uploaded.status, uploaded.headers.get("content-type")]).toEqual([200, "image/png"]);
  expect(Buffer.from(await uploaded.arrayBuffer()).equals(icon)).toBe(true);

  // The portal as it was: no icon uploaded.
  await settings.removeButton("favicon").click();
  await expect(settings.imageStatus("favicon").filter({ hasText: t("SettingsAdmin.images.removed") })).toBeVisible();
  await context.close();
});
