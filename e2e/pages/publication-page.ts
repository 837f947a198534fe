import type { Locator, Page } from "@playwright/test";

/** Selectors of the publication page; specs assert, this only finds. */
export class PublicationPage {
  readonly title: Locator;
  readonly hits: Locator;
  readonly toc: Locator;
  readonly tocLinks: Locator;
  readonly attachments: Locator;
  readonly languageSwitch: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.hits = page.getByTestId("hits");
    this.toc = page.getByRole("navigation", { name: /Contents|목차/ });
    this.tocLinks = this.toc.getByRole("link");
    this.attachments = page.getByRole("region", { name: /Attached the File|첨부파일/ });
    this.languageSwitch = page.locator("a.lang-switch");
  }

  async goto(locale: string, id: number) {
    return this.page.goto(`/${locale}/publications/${id}`);
  }
}
