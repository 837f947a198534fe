// The public hit figure: what counts as a person's view of a paper, and what
// does not. Each test reads a paper of its own, so no other spec's readers
// change the figures it asserts exactly.
import { expect, test } from "@playwright/test";
import { PublicationPage } from "./pages/publication-page";
import { queryE2e, storedHits, usageEvents } from "./support/db";
import { foldedEvents } from "./support/counting";
import { createPaper, createSeries } from "./support/papers";
import { chromeOnLinux, PERSON, ROBOT } from "./support/user-agents";

const CARRIED_OVER = 1_234;
/** The hit figure as a page carries it (lib/render/stored-page-marks.ts). */
const FIGURE = /data-hit-figure="">([^<]*)</;

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

test("a paper's page stored in the database is answered with the hit figure of now, and each answer is a view", async ({
  request,
}) => {
  // Arrange: the page is stored once Next.js has answered it (to a robot: not a view). A series of
  // its own, so that other specs' new papers do not drop it (its series neighbours would change).
  const { id } = await createPaper({ baseHits: CARRIED_OVER, seriesId: await createSeries() });
  const url = `/en/publications/${id}`;
  const robot = { "user-agent": ROBOT };
  const storedFigure = async () => {
    const [row] = await queryE2e<{ html: string }>(`select html from "StoredPage" where "publicationId" = $1 and locale = 'en'`, [
      id,
    ]);
    return row ? FIGURE.exec(row.html)?.[1] : undefined;
  };
  // Headroom: nothing is stored for 5 s after a series changes (its own was just made), nor
  // while any other spec is changing one (lib/data/stored-pages.ts).
  await expect
    .poll(
      async () => {
        await request.get(url, { headers: robot });
        return storedFigure();
      },
      { timeout: 45_000 },
    )
    .toBe("1,234");

  // Act: a person's view (answered from the store or its copy in memory) is counted and folded.
  expect((await request.get(url, { headers: { "user-agent": PERSON } })).status()).toBe(200);
  await foldedEvents(id, 1);

  // Assert: the page, still stored with the figure it was rendered with, is answered with the new one.
  await expect
    .poll(async () => {
      const answer = await request.get(url, { headers: robot });
      return answer.headers()["x-perspectives-cache"] === "stored" ? FIGURE.exec(await answer.text())?.[1] : "not from the store";
    })
    .toBe("1,235");
  expect(await storedFigure()).toBe("1,234");
  expect(await storedHits(id)).toBe(CARRIED_OVER + 1);
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
