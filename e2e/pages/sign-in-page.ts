import type { Locator, Page } from "@playwright/test";
import { translator, type Locale } from "../support/messages";

export class SignInPage {
  constructor(readonly page: Page) {}

  passwordForm(locale: Locale = "en"): Locator {
    return this.page.getByRole("region", { name: translator(locale)("SignIn.withPassword") });
  }

  linkForm(locale: Locale = "en"): Locator {
    return this.page.getByRole("region", { name: translator(locale)("SignIn.withLink") });
  }

  ssoForm(locale: Locale = "en"): Locator {
    return this.page.getByRole("region", { name: translator(locale)("SignIn.withSso") });
  }

  async goto(locale: Locale, callbackUrl?: string) {
    return this.page.goto(`/${locale}/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  }

  /** Single sign-on through the e2e identity provider, whose login form takes any name: here, the email. */
  async signInWithSso(locale: Locale, email: string) {
    await this.goto(locale);
    await this.ssoForm(locale).getByRole("button").click();
    // The identity provider's own form (oidc-provider's), not the portal's.
    await this.page.locator('input[name="login"]').fill(email);
    await this.page.locator('input[name="password"]').fill("any");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async signIn(locale: Locale, email: string, password: string) {
    const t = translator(locale);
    await this.goto(locale);
    const form = this.passwordForm(locale);
    await form.getByLabel(t("SignIn.email"), { exact: true }).fill(email);
    await form.getByLabel(t("SignIn.password"), { exact: true }).fill(password);
    await form.getByRole("button", { name: t("SignIn.signIn"), exact: true }).click();
  }

  /** Asks for a sign-in link by email on the page already open (its `locale`). */
  async askForLink(email: string, locale: Locale = "en") {
    const t = translator(locale);
    await this.linkForm(locale).getByLabel(t("SignIn.email"), { exact: true }).fill(email);
    await this.linkForm(locale)
      .getByRole("button", { name: t("SignIn.sendLink"), exact: true })
      .click();
  }
}
