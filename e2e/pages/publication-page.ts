import type { Locator, Page } from "@playwright/test";

/** Selectors of the publication page; specs assert, this only finds. */
export class PublicationPage {
  readonly title: Locator;
  readonly hits: Locator;
  readonly facts: Locator;
  readonly toc: Locator;
  readonly tocLinks: Locator;
  readonly attachments: Locator;
  readonly attachmentLinks: Locator;
  readonly languageSwitch: Locator;
  readonly neighbours: Locator;
  readonly share: Locator;
  readonly cite: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.hits = page.getByTestId("hits");
    this.facts = page.locator(".publication__facts");
    this.toc = page.getByRole("navigation", { name: /^(Contents|목차)$/ });
    this.tocLinks = this.toc.getByRole("link");
    this.attachments = page.getByRole("region", { name: /Attached the File|첨부파일/ });
    this.attachmentLinks = this.attachments.getByRole("link");
    this.languageSwitch = page.locator("a.lang-switch");
    this.neighbours = page.getByRole("navigation", { name: /More in this series|이 시리즈의 다른 글/ });
    this.share = page.getByRole("group", { name: /^(Share|공유하기)$/ });
    this.cite = page.getByRole("region", { name: /^(Cite|인용하기)$/ });
  }

  async goto(locale: string, id: number) {
    return this.page.goto(`/${locale}/publications/${id}`);
  }
}
