// A portal of its own for a spec that changes what every page shows (the site
// settings): a new, empty database (`DEMO_DATA=false`, as an institute starts),
// its own files and the staff accounts the spec names, on the e2e build.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, type Browser } from "@playwright/test";
import { ensureUser } from "@/scripts/lib/first-admin";
import { createDatabase } from "@/tests/support/databases";
import { SignInPage } from "../pages/sign-in-page";
import { freePort, startInstance, type Instance } from "../security/support/instance";
import type { Locale } from "./messages";

export type StaffAccount = Parameters<typeof ensureUser>[1];
export type FreshPortal = Instance & { close: () => Promise<void> };

/** Starts the portal; `close` stops it and deletes its database and files. */
export async function startFreshPortal(name: string, staff: StaffAccount[], settings: Record<string, string> = {}) {
  const database = await createDatabase(`perspectives_e2e_${name}`);
  for (const user of staff) await ensureUser(database.url, user);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `perspectives-${name}-`));
  const port = await freePort();
  const portal = await startInstance(
    {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      STORAGE_DIR: path.join(dataDir, "files"),
      DEMO_DATA: "false",
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: `${name}-secret-`.repeat(4),
      ...settings,
    },
    port,
  );
  const close = async () => {
    await portal.stop();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { ...portal, close } satisfies FreshPortal;
}

/** A browser on the portal, signed in with the password form in `locale`, on the dashboard. */
export async function signedIn(browser: Browser, portal: Instance, who: StaffAccount, locale: Locale = "en") {
  const context = await browser.newContext({ baseURL: portal.origin });
  const page = await context.newPage();
  await new SignInPage(page).signIn(locale, who.email, who.password);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
  return { context, page };
}
