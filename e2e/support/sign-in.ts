import { expect, type Page } from "@playwright/test";
import { SignInPage } from "../pages/sign-in-page";
import { STAFF } from "./users";

/** Signs in as one of the e2e staff accounts with the password form (English interface), and waits for the dashboard. */
export async function signInAs(page: Page, who: keyof typeof STAFF) {
  await new SignInPage(page).signIn("en", STAFF[who].email, STAFF[who].password);
  await expect(page).toHaveURL(/\/en\/admin$/);
}
