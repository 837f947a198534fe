// The public hit figure: what counts as a person's view of a paper, and what
// does not. Each test reads a paper of its own, so no other spec's readers
// change the figures it asserts exactly.
import { expect, test } from "@playwright/test";
import { PublicationPage } from "./pages/publication-page";
import { storedHits, usageEvents } from "./support/db";
import { foldedEvents } from "./support/counting";
import { createPaper } from "./support/papers";
import { chromeOnLinux, PERSON, ROBOT } from "./support/user-agents";

const CARRIED_OVER = 1_234;

test("a person's view raises the public hit figure by one", async ({ browser }) => {
  // Arrange
  const { id } = await createPaper({ baseHits: CARRIED_OVER });
  const person = await browser.newContext({ userAgent: PERSON, locale: "en-US" });
  const paper = new PublicationPage(await person.newPage());
  // A robot's browser (not counted) to read the figure as readers see it.
  const robot = new PublicationPage(await browser.newPage({ userAgent: ROBOT }));

  // Act
  await paper.goto("en", id);

  // Assert: the page showed the figure before this view; once it is folded, readers see one more.
  expect(await paper.hitFigure()).toBe(CARRIED_OVER);
  await foldedEvents(id, 1);
  expect(await storedHits(id)).toBe(CARRIED_OVER + 1);
  // The server's copy of the page may lag the database by seconds.
  await expect
    .poll(async () => {
      await robot.goto("en", id);
      return robot.hitFigure();
    })
    .toBe(CARRIED_OVER + 1);
  await person.close();
  await robot.page.close();
});

test("a person's reloads within 30 seconds are not counted again: the figure rises by one", async ({ browser }) => {
  // Arrange
  const { id } = await createPaper({ baseHits: CARRIED_OVER });
  const person = await browser.newContext({ userAgent: PERSON, locale: "en-US" });
  const paper = new PublicationPage(await person.newPage());
  const RELOADS = 3;

  // Act: a view, then reloads by the same person within seconds.
  await paper.goto("en", id);
  for (let i = 0; i < RELOADS; i++) await paper.page.reload();

  // Assert: every request was written (so counting ran), and folded into one view.
  await foldedEvents(id, 1 + RELOADS);
  expect(await storedHits(id)).toBe(CARRIED_OVER + 1);
  await person.close();
});

test("views answered from the server's copy of a hot page are counted, each one", async ({ request }) => {
  // Arrange: a copy warmed by a robot's requests, which are not views.
  const { id } = await createPaper();
  const url = `/en/publications/${id}`;
  await expect
    .poll(async () => (await request.get(url, { headers: { "user-agent": ROBOT } })).headers()["x-perspectives-cache"])
    .toBe("hit");

  // Act: three people (different browsers) read it.
  const answers = [];
  for (const n of [1, 2, 3]) answers.push((await request.get(url, { headers: { "user-agent": chromeOnLinux(n) } })).headers());

  // Assert: each answer came from the copy, and each is a view.
  expect(answers.map((headers) => headers["x-perspectives-cache"])).toEqual(["hit", "hit", "hit"]);
  await expect.poll(async () => (await usageEvents(id)).written).toBe(3);
});

const NOT_VIEWS: [string, Record<string, string>][] = [
  ["a robot's request", { "user-agent": ROBOT }],
  ["a browser's prefetch (Sec-Purpose)", { "user-agent": PERSON, "sec-purpose": "prefetch" }],
  ["a Next.js router prefetch", { "user-agent": PERSON, "next-router-prefetch": "1" }],
];

for (const [name, headers] of NOT_VIEWS) {
  test(`${name} is not counted; a person's view after it is`, async ({ request }) => {
    // Arrange
    const { id } = await createPaper({ language: "ko", baseHits: CARRIED_OVER });
    const url = `/ko/publications/${id}`;

    // Act
    expect((await request.get(url, { headers })).status()).toBe(200);
    await request.get(url, { headers: { "user-agent": PERSON } });

    // Assert: one event, the person's, and the figure up by exactly one.
    await foldedEvents(id, 1);
    expect(await storedHits(id)).toBe(CARRIED_OVER + 1);
  });
}

test("a view of a paper that does not exist is not counted; a person's view of one that does is", async ({ request }) => {
  // Arrange
  const { id } = await createPaper({ language: "ko", baseHits: CARRIED_OVER });
  const missing = 999_999;

  // Act
  expect((await request.get(`/ko/publications/${missing}`, { headers: { "user-agent": PERSON } })).status()).toBe(404);
  await request.get(`/ko/publications/${id}`, { headers: { "user-agent": PERSON } });

  // Assert: the view after it is written and folded; the missing paper has nothing.
  await foldedEvents(id, 1);
  expect(await storedHits(id)).toBe(CARRIED_OVER + 1);
  expect(await usageEvents(missing)).toEqual({ written: 0, unfolded: 0 });
});
