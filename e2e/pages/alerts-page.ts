import type { Locator, Page } from "@playwright/test";
import { translator, type Locale } from "../support/messages";

/**
 * The email-alerts pages of one language: subscribing (/alerts), confirming
 * (/alerts/confirm) and managing (/alerts/manage). Specs assert, this only finds.
 */
export class AlertsPage {
  /** The subscribe form's and the confirm page's answer line. */
  readonly status: Locator;
  readonly email: Locator;
  readonly seriesChoices: Locator;
  readonly submit: Locator;
  readonly confirm: Locator;
  /** The manage page's "Unsubscribe" section, with its button and its own answer line. */
  readonly unsubscribeSection: Locator;
  readonly unsubscribe: Locator;
  readonly unsubscribeStatus: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    const t = translator(locale);
    const main = page.getByRole("main");
    this.status = main.getByRole("status");
    this.email = main.getByLabel(t("Alerts.email"), { exact: true });
    this.seriesChoices = main.getByRole("group", { name: t("Alerts.series"), exact: true });
    this.submit = main.getByRole("button", { name: t("Alerts.submit"), exact: true });
    this.confirm = main.getByRole("button", { name: t("Alerts.confirmButton"), exact: true });
    this.unsubscribeSection = main.getByRole("region", { name: t("Alerts.unsubscribe"), exact: true });
    this.unsubscribe = this.unsubscribeSection.getByRole("button", { name: t("Alerts.unsubscribe"), exact: true });
    this.unsubscribeStatus = this.unsubscribeSection.getByRole("status");
  }

  /** The consent checkbox, whose label names the site. */
  consent(site: string) {
    return this.page.getByRole("main").getByRole("checkbox", { name: translator(this.locale)("Alerts.consent", { site }) });
  }

  /** One series' checkbox among the choices, by its name in this language. */
  series(name: string) {
    return this.seriesChoices.getByRole("checkbox", { name, exact: true });
  }
}
