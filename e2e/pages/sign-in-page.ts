import type { Locator, Page } from "@playwright/test";

export class SignInPage {
  readonly passwordForm: Locator;
  readonly linkForm: Locator;
  readonly ssoForm: Locator;

  constructor(readonly page: Page) {
    this.passwordForm = page.getByRole("region", { name: /With your password|비밀번호로 로그인/ });
    this.linkForm = page.getByRole("region", { name: /With a link by email|이메일 링크로 로그인/ });
    this.ssoForm = page.getByRole("region", { name: /With your institution's account|기관 계정으로 로그인/ });
  }

  async goto(locale: string, callbackUrl?: string) {
    return this.page.goto(`/${locale}/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  }

  /** Single sign-on through the e2e identity provider, whose login form takes any name: here, the email. */
  async signInWithSso(locale: "ko" | "en", email: string) {
    await this.goto(locale);
    await this.ssoForm.getByRole("button").click();
    await this.page.locator('input[name="login"]').fill(email);
    await this.page.locator('input[name="password"]').fill("any");
    await this.page.getByRole("button", { name: "Sign-in" }).click();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async signIn(locale: "ko" | "en", email: string, password: string) {
    await this.goto(locale);
    await this.passwordForm.getByLabel(/^(Email|이메일)$/).fill(email);
    await this.passwordForm.getByLabel(/^(Password|비밀번호)$/).fill(password);
    await this.passwordForm.getByRole("button", { name: /^(Sign in|로그인)$/ }).click();
  }
}
