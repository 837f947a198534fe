// Single sign-on against the e2e identity provider (a real OpenID Connect
// provider), whose accounts named "unverified…" have an unverified address.
import { expect, test } from "@playwright/test";
import { queryE2e } from "../support/db";
import { SignInPage } from "../pages/sign-in-page";
import { translator } from "../support/messages";
import { auditCount, createStaff } from "./support/fixtures";

const t = translator("en");

async function linkedAccounts(userId: string) {
  const [row] = await queryE2e<{ n: number }>(`select count(*)::int as n from "Account" where "userId" = $1`, [userId]);
  return row!.n;
}

test("an identity whose email the provider has not verified is refused, and nothing is linked", async ({ page }) => {
  const staff = await createStaff("unverified-sso");
  await new SignInPage(page).signInWithSso("en", staff.email);
  await expect(page).toHaveURL(/\/en\/sign-in\?.*error=EmailUnverified/);
  await expect(page.getByRole("alert").filter({ hasText: t("SignIn.emailUnverified") })).toBeVisible();
  expect(await linkedAccounts(staff.id)).toBe(0);
});

test("an invited address outside OIDC_ALLOWED_DOMAINS is refused, and nothing is linked", async ({ page }) => {
  const staff = await createStaff("sso", "elsewhere.test");
  await new SignInPage(page).signInWithSso("en", staff.email);
  await expect(page).toHaveURL(/\/en\/sign-in\?.*error=DomainNotAllowed/);
  await expect(page.getByRole("alert").filter({ hasText: t("SignIn.domainNotAllowed") })).toBeVisible();
  expect(await linkedAccounts(staff.id)).toBe(0);
});

test("the first single sign-on of invited staff links the identity once and leaves an audit entry", async ({ page }) => {
  const staff = await createStaff("sso-first");
  await new SignInPage(page).signInWithSso("en", staff.email);
  await expect(page).toHaveURL(/\/en\/admin$/);
  expect(await linkedAccounts(staff.id)).toBe(1);
  expect(await auditCount("link-sso", staff.id)).toBe(1);
});
