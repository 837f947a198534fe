// Two instances of the portal behind nginx (Debian's, installed when missing),
// sharing one database and one storage folder, as an institute scales out:
// every reader counted once, an editor's change served by both, limits that
// hold across them, and one fold per interval. nginx spreads requests in turn;
// a test that must say which instance does what pins a request with
// PIN_HEADER (the test configuration's only addition to a real one).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ensureNginx, PIN_HEADER, startNginx, type Nginx } from "@/scripts/lib/nginx";
import { SITE_TIME_ZONE } from "@/lib/site";
import { EditorPage } from "../pages/editor-page";
import { SEND_EMAIL_LABELS, SendEmailDialog } from "../pages/send-email-dialog";
import { StatsPage } from "../pages/stats-page";
import { Client } from "../security/support/client";
import { auditCount, createStaff } from "../security/support/fixtures";
import { freePort, startInstance, type Instance } from "../security/support/instance";
import { foldedEvents } from "../support/counting";
import { queryE2e } from "../support/db";
import { mailsTo } from "../support/mail";
import { messagePattern, translator } from "../support/messages";
import { createPaper } from "../support/papers";
import { signInAs } from "../support/sign-in";
import { chromeOnLinux, ROBOT } from "../support/user-agents";

const t = translator("en");
const READERS = 500;
const FOLD_SECONDS = 2;
const ALLOWANCE = 5; // wrong passwords per account per 15 minutes (lib/auth/login-throttle.ts)
const PAGE_REVALIDATE_MS = 5_000; // a paper's page: app/[locale]/(site)/publications/[id]/page.tsx

let a: Instance;
let b: Instance;
let nginx: Nginx;

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  // Two portal starts and nginx's.
  test.setTimeout(180_000);
  ensureNginx();
  const port = await freePort();
  const settings = {
    APP_URL: `http://127.0.0.1:${port}`,
    TRUST_PROXY: "1",
    // Their own secret: their limits apart from the main e2e server's, shared between the two.
    AUTH_SECRET: "two-instances-secret-two-instances-secret",
    PAGE_CACHE_MB: "16",
    STATS_FOLD_INTERVAL_SECONDS: String(FOLD_SECONDS),
    EMAIL_SHARE_LIMIT_CLIENT_PER_HOUR: "50",
    EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY: "3",
  };
  [a, b] = await Promise.all([startInstance(settings), startInstance(settings)]);
  nginx = await startNginx(port, [a.port, b.port], { pinning: true });
});

test.afterAll(async () => {
  await nginx?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

/** A browser page whose every request nginx sends to instance `n` (1 or 2), or in turn without `n`. */
async function pageOn(browser: Browser, n?: 1 | 2): Promise<Page> {
  const context = await browser.newContext({
    baseURL: nginx.origin,
    extraHTTPHeaders: n ? { [PIN_HEADER]: String(n) } : {},
  });
  return context.newPage();
}

/** The day in the site's time zone, `daysAgo` days back, as the statistics pages write it. */
function siteDay(daysAgo = 0) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: SITE_TIME_ZONE }).format(Date.now() - daysAgo * 86_400_000);
}

test(`${READERS} readers at once through nginx are ${READERS} views, in the paper's figure and on its statistics page`, async ({
  browser,
}) => {
  test.slow();
  // Arrange
  const paper = await createPaper();
  const url = `${nginx.origin}/en/publications/${paper.id}`;

  // Act: every reader a browser of its own, all at once.
  const statuses = await Promise.all(
    Array.from({ length: READERS }, async (_, i) => {
      const r = await fetch(url, { headers: { "user-agent": chromeOnLinux(10_000 + i) } });
      await r.arrayBuffer();
      return r.status;
    }),
  );

  // Assert: all answered; each view written once and folded, whichever instance took it.
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  await foldedEvents(paper.id, READERS);
  const [stored] = await queryE2e<{ viewCount: number }>(`select "viewCount" from "Publication" where id = $1`, [paper.id]);
  expect(stored!.viewCount).toBe(READERS);
  // The public figure, through nginx from either instance (a robot's requests are not counted).
  for (const n of [1, 2]) {
    await expect
      .poll(
        async () => {
          const r = await fetch(url, { headers: { "user-agent": ROBOT, [PIN_HEADER]: String(n) } });
          return /data-testid="hits"[^>]*>([^<]*)</.exec(await r.text())?.[1];
        },
        { timeout: 20_000 },
      )
      .toBe(String(READERS));
  }
  // The staff's figure.
  const page = await pageOn(browser);
  await signInAs(page, "analyst");
  const stats = new StatsPage(page);
  await stats.gotoPublication(paper.id, `from=${siteDay(1)}&to=${siteDay()}`);
  await expect(stats.totals).toContainText(`${t("Stats.views")}${READERS}`);
});

/**
 * Waits until Next on `instance` has just rendered the paper's page afresh (its
 * copy went stale, a reader's request had it rendered again), so the copy stays
 * fresh for the page's whole revalidation time from now. A Range request
 * bypasses the server's page copy and shows Next's own answer.
 */
async function renderedAfreshOn(instance: Instance, id: number) {
  const state = async () =>
    (
      await fetch(`${instance.origin}/en/publications/${id}`, { headers: { "user-agent": ROBOT, range: "bytes=0-" } })
    ).headers.get("x-nextjs-cache");
  await expect.poll(state, { timeout: 3 * PAGE_REVALIDATE_MS, intervals: [100] }).toBe("STALE");
  await expect.poll(state, { timeout: PAGE_REVALIDATE_MS, intervals: [50] }).toBe("HIT");
}

test("an editor's change saved on one instance is served by the other within 2 s", async ({ browser }) => {
  test.slow();
  // Arrange: the change typed in on instance 1 (a paper made by createPaper has no author yet: the editor requires one).
  const paper = await createPaper();
  const page = await pageOn(browser, 1);
  await signInAs(page, "editor");
  const editor = new EditorPage(page);
  await page.goto(`/en/admin/publications/${paper.id}`);
  const revised = `${paper.title} (revised on instance 1)`;
  await editor.title.fill(revised);
  await editor.authorPick.selectOption({ label: "CHOI Wooseon · 최우선" });
  await editor.addAuthor.click();
  // Instance 2's copy of the page rendered just now: left to itself, it would
  // serve the old title for the page's revalidation time (5 s), well past the 2 s below.
  await renderedAfreshOn(b, paper.id);

  // Act
  await editor.save.click();
  await expect(editor.formStatus).toContainText(t("Editor.saved"));
  const savedAt = performance.now();

  // Assert: every request instance 2 received from 2 s after the save on is answered with the new title.
  // What is bounded is when a request arrives, not when its answer ends: instance 2 hears of the change
  // within 500 ms (lib/revalidation/other-instances.ts), and a request after that waits for the page's
  // fresh render, whose length is the machine's load and not the change's way to instance 2.
  const probes = await probeUntilAnswered(`${b.origin}/en/publications/${paper.id}`, revised);
  expect(
    probes.some((p) => p.changed),
    "instance 2 answered the new title within 15 s",
  ).toBe(true);
  const firstNew = Math.min(...probes.filter((p) => p.changed).map((p) => p.sentAt));
  expect(firstNew - savedAt).toBeLessThanOrEqual(2_000);
  // None sent after that was answered with the old page again.
  expect(probes.filter((p) => p.sentAt > firstNew && !p.changed)).toEqual([]);
  // And the change, not the copy's own age, is what dropped it: a copy past its revalidation time
  // is answered once more, marked STALE, while it renders again (a save slower than 3 s would let
  // that happen within the 2 s above).
  expect(probes.filter((p) => p.cache === "STALE")).toEqual([]);
  // A reader's request, through the server's page copy and the stored pages, gets it too.
  const asRead = await fetch(`${b.origin}/en/publications/${paper.id}`, { headers: { "user-agent": ROBOT } });
  expect(await asRead.text()).toContain(revised);
});

/**
 * Sends a request for Next's own answer every 100 ms, without waiting for the
 * ones before, until one is answered with `text`; resolves with when each was
 * sent, whether its answer had it, and how Next's page cache answered it.
 */
async function probeUntilAnswered(url: string, text: string) {
  const probes: Promise<{ sentAt: number; changed: boolean; cache: string | null }>[] = [];
  let answered = false;
  const deadline = performance.now() + 15_000;
  while (!answered && performance.now() < deadline) {
    const sentAt = performance.now();
    probes.push(
      // A Range request bypasses the server's page copy and stored pages (as in renderedAfreshOn).
      fetch(url, { headers: { "user-agent": ROBOT, range: "bytes=0-" } }).then(async (r) => {
        const changed = (await r.text()).includes(text);
        if (changed) answered = true;
        return { sentAt, changed, cache: r.headers.get("x-nextjs-cache") };
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  return Promise.all(probes);
}

test("Send Email's allowance per recipient is one for both instances", async ({ browser }) => {
  // Arrange
  const paper = await createPaper();
  const recipient = `colleague-${crypto.randomUUID()}@example.org`;
  const sendOn = async (n: 1 | 2) => {
    const page = await pageOn(browser, n);
    await page.goto(`/en/publications/${paper.id}`);
    const email = new SendEmailDialog(page, SEND_EMAIL_LABELS.en);
    await email.openButton.click();
    await email.recipient.fill(recipient);
    await email.message.fill("Worth a read.");
    await email.submit.click();
    return email;
  };

  // Act: the allowance (3 a day) used on instance 1, then one more on instance 2.
  for (let i = 0; i < 3; i++) await expect((await sendOn(1)).status).toHaveText(t("SendEmail.sent"));
  const fourth = await sendOn(2);

  // Assert
  await expect(fourth.status).toHaveText(messagePattern("en", "SendEmail.rateLimited"));
  await expect.poll(async () => (await mailsTo(recipient)).length).toBe(3);
});

test("wrong passwords spread over both instances are checked at most the allowance, and lock the account on both", async () => {
  // Arrange
  const staff = await createStaff("two-instances");
  const guesser = new Client("127.0.0.41");

  // Act: guesses in turn through nginx (one instance, then the other), then the owner on each.
  for (let i = 0; i < 2 * ALLOWANCE; i++) {
    await guesser.signInWithPassword(nginx.origin, staff.email, `wrong-${i}`, { [PIN_HEADER]: String((i % 2) + 1) });
  }
  const owner = await Promise.all(
    [1, 2].map((n) =>
      new Client("127.0.0.42").signInWithPassword(nginx.origin, staff.email, staff.password, { [PIN_HEADER]: String(n) }),
    ),
  );

  // Assert
  expect(await auditCount("sign-in-failed", staff.id)).toBeLessThanOrEqual(ALLOWANCE);
  for (const answer of owner) expect(answer.location).toContain("code=locked");
});

test("the fold runs once per interval, not once per instance", async () => {
  // Arrange: the runs so far (the main e2e server shares the database and folds too, on its own interval).
  const runs = async () =>
    Number((await queryE2e<{ runs: string }>(`select runs::text from "StatsFold" where id = 1`))[0]?.runs ?? 0);
  const before = await runs();
  const started = Date.now();

  // Act: a few intervals pass.
  await new Promise((r) => setTimeout(r, 5 * FOLD_SECONDS * 1000));

  // Assert: at most one run per shortest interval (with a fifth of slack), though three instances tick.
  const seconds = (Date.now() - started) / 1000;
  const ran = (await runs()) - before;
  expect(ran).toBeGreaterThan(0);
  expect(ran).toBeLessThanOrEqual(Math.ceil(seconds / (FOLD_SECONDS * 0.8)) + 1);
});
