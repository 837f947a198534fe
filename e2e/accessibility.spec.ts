import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryE2e, seedPaperIds } from "./support/db";

async function pages() {
  const ids = await seedPaperIds();
  const [author] = await queryE2e<{ id: number }>(`select id from "Author" where "nameEn" = 'CHOI Wooseon'`);
  return (locale: "ko" | "en") => [
    `/${locale}/publications`,
    `/${locale}/publications?series=ifans-perspectives&year=2024`,
    `/${locale}/series/ifans-perspectives`,
    `/${locale}/authors/${author!.id}`,
    `/${locale}/publications/${ids[locale]}`,
  ];
}

for (const locale of ["en", "ko"] as const) {
  test(`axe finds no violations on the ${locale} reader pages`, async ({ page }) => {
    for (const path of (await pages())(locale)) {
      await page.goto(path);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary, path).toEqual([]);
    }
  });
}
