import { expect, test } from "@playwright/test";
import { queryE2e } from "./support/db";

// A desktop Chrome, not "HeadlessChrome" (which the robots lists rightly exclude).
const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

test("the public hit figure rises by one after a person views the page, and only by one", async ({ browser }) => {
  // Not the seed paper: other specs check its exact starting figure.
  const [paper] = await queryE2e<{ id: number; hits: number }>(
    `select id, "baseHits" + "viewCount" as hits from "Publication"
     where language = 'en' and status = 'published' and "reportNumber" <> '2024-14E' order by id limit 1`,
  );
  const context = await browser.newContext({ userAgent: PERSON, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`/en/publications/${paper!.id}`);
  const shown = async () => Number((await page.getByTestId("hits").textContent())!.replace(/\D/g, ""));
  expect(await shown()).toBe(paper!.hits);
  // The figure may lag a few seconds while events are folded in; reloads by the same person within 30 s add nothing.
  await expect
    .poll(
      async () => {
        await page.reload();
        return shown();
      },
      { timeout: 20_000, intervals: [2_000] },
    )
    .toBe(paper!.hits + 1);
  await page.waitForTimeout(6_000);
  await page.reload();
  expect(await shown()).toBe(paper!.hits + 1);
  await context.close();
});

test("views answered from the server's copy of a hot page are counted, each one", async ({ request }) => {
  const [paper] = await queryE2e<{ id: number }>(
    `select id from "Publication" where language = 'en' and status = 'published' order by id desc limit 1 offset 1`,
  );
  const url = `/en/publications/${paper!.id}`;
  const events = async () =>
    (await queryE2e<{ n: number }>(`select count(*)::int as n from "UsageEvent" where "publicationId" = $1`, [paper!.id]))[0]!.n;
  // Warm the copy with a robot's requests, which are not views.
  const robot = { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" };
  await expect.poll(async () => (await request.get(url, { headers: robot })).headers()["x-perspectives-cache"]).toBe("hit");
  const before = await events();
  // Three people (different browsers) read it; each answer comes from the copy.
  for (const version of [131, 132, 133]) {
    const res = await request.get(url, { headers: { "user-agent": PERSON.replace("131", String(version)) } });
    expect(res.headers()["x-perspectives-cache"]).toBe("hit");
  }
  await expect.poll(events, { timeout: 5_000 }).toBe(before + 3);
});

test("robots and prefetches are not counted", async ({ request }) => {
  const [paper] = await queryE2e<{ id: number }>(
    `select id from "Publication" where language = 'ko' and status = 'published' order by id desc limit 1`,
  );
  const before = await queryE2e<{ n: number }>(`select count(*)::int as n from "UsageEvent" where "publicationId" = $1`, [
    paper!.id,
  ]);
  await request.get(`/ko/publications/${paper!.id}`, {
    headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
  });
  await request.get(`/ko/publications/${paper!.id}`, { headers: { "user-agent": PERSON, "sec-purpose": "prefetch" } });
  await request.get(`/ko/publications/${paper!.id}`, { headers: { "user-agent": PERSON, "next-router-prefetch": "1" } });
  await request.get(`/ko/publications/999999`, { headers: { "user-agent": PERSON } });
  await new Promise((r) => setTimeout(r, 1_000));
  const after = await queryE2e<{ n: number }>(`select count(*)::int as n from "UsageEvent" where "publicationId" = $1`, [
    paper!.id,
  ]);
  expect(after[0]!.n).toBe(before[0]!.n);
  expect(
    (await queryE2e<{ n: number }>(`select count(*)::int as n from "UsageEvent" where "publicationId" = 999999`))[0]!.n,
  ).toBe(0);
});
