import type { Locator, Page } from "@playwright/test";
import { translator, type Locale } from "../support/messages";

/** The old links page (/{locale}/admin/redirects): its "add a rule" form and the rules' delete buttons. */
export class RedirectsPage {
  readonly fromPath: Locator;
  readonly toPath: Locator;
  readonly add: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    const t = translator(locale);
    this.add = page.getByRole("button", { name: t("Redirects.create"), exact: true });
    const form = page.locator("form").filter({ has: this.add });
    this.fromPath = form.getByLabel(t("Redirects.fromPath"));
    this.toPath = form.getByLabel(t("Redirects.toPath"));
    this.status = form.getByRole("status");
  }

  async goto() {
    return this.page.goto(`/${this.locale}/admin/redirects`);
  }

  /** The delete button of the rule for this old path. */
  deleteButton(fromPath: string): Locator {
    return this.page.getByRole("button", { name: translator(this.locale)("Redirects.deleteOf", { fromPath }) });
  }
}
