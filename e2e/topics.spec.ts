import { expect, test } from "@playwright/test";
import { ListingPage } from "./pages/listing-page";
import { PublicationPage } from "./pages/publication-page";
import { queryE2e } from "./support/db";
import { createPaper } from "./support/papers";
import { ROBOT } from "./support/user-agents";

// A crawler's browser: opening the papers here must not add views other specs count.
test.use({ userAgent: ROBOT });

for (const locale of ["en", "ko"] as const) {
  test(`a reader follows a paper's topic to the topic's page and finds the paper there (${locale})`, async ({ page }) => {
    // Arrange: a paper of this spec's own under a seeded topic, published now so it tops the topic's first page.
    const [topic] = await queryE2e<{ id: number; slug: string; nameEn: string; nameKo: string }>(
      `select id, slug, "nameEn", "nameKo" from "Topic" order by id limit 1`,
    );
    if (!topic) throw new Error("The e2e database has no topics: is it seeded?");
    const paper = await createPaper({ language: locale });
    await queryE2e(`insert into "PublicationTopic" ("publicationId", "topicId") values ($1, $2)`, [paper.id, topic.id]);
    const name = locale === "ko" ? topic.nameKo : topic.nameEn;
    const publication = new PublicationPage(page);
    const listing = new ListingPage(page);
    try {
      // Act
      await publication.goto(locale, paper.id);
      await publication.topic(name).click();

      // Assert: the topic's page, in the reader's language, lists the paper (the listing is cached a few seconds).
      await expect(page).toHaveURL(new RegExp(`/${locale}/topics/${topic.slug}$`));
      await expect(listing.heading).toHaveText(name);
      await expect
        .poll(async () => {
          if ((await listing.link(paper.title).count()) === 0) await page.reload();
          return listing.link(paper.title).count();
        })
        .toBe(1);
    } finally {
      await queryE2e(`delete from "Publication" where id = $1`, [paper.id]);
    }
  });
}
