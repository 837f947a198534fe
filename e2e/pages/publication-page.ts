import type { Locator, Page } from "@playwright/test";
import { eitherLanguage } from "../support/messages";

/** Selectors of the publication page; specs assert, this only finds. */
export class PublicationPage {
  readonly title: Locator;
  readonly hits: Locator;
  readonly facts: Locator;
  /** The facts' "Topics" entry. */
  readonly topics: Locator;
  readonly toc: Locator;
  readonly tocLinks: Locator;
  readonly attachments: Locator;
  readonly attachmentLinks: Locator;
  readonly languageSwitch: Locator;
  readonly neighbours: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly share: Locator;
  readonly cite: Locator;
  /** The paper's text (its Markdown rendered). */
  readonly body: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.hits = page.getByTestId("hits");
    this.facts = page.locator(".publication__facts");
    this.topics = this.facts
      .locator("div")
      .filter({ has: page.getByRole("term").filter({ hasText: eitherLanguage("Publication.topics") }) });
    this.toc = page.getByRole("navigation", { name: eitherLanguage("Publication.contents") });
    this.tocLinks = this.toc.getByRole("link");
    this.attachments = page.getByRole("region", { name: eitherLanguage("Publication.attachments") });
    this.attachmentLinks = this.attachments.getByRole("link");
    this.languageSwitch = page.locator("a.lang-switch");
    this.neighbours = page.getByRole("navigation", { name: eitherLanguage("Publication.inThisSeries") });
    this.previous = this.neighbours.getByRole("link", { name: eitherLanguage("Publication.previous", { exact: false }) });
    this.next = this.neighbours.getByRole("link", { name: eitherLanguage("Publication.next", { exact: false }) });
    this.share = page.getByRole("group", { name: eitherLanguage("Share.label") });
    this.cite = page.getByRole("region", { name: eitherLanguage("Publication.cite") });
    this.body = page.locator(".prose");
  }

  async goto(locale: string, id: number) {
    return this.page.goto(`/${locale}/publications/${id}`);
  }

  /** A topic's link among the paper's topics, by the name the page shows. */
  topic(name: string) {
    return this.topics.getByRole("link", { name, exact: true });
  }

  /** The figure readers see as "Hits", as a number. */
  async hitFigure() {
    return Number((await this.hits.textContent())!.replace(/\D/g, ""));
  }
}
