// Email alerts end to end against a real PostgreSQL and a real SMTP server:
// subscribe, confirm, publish, one alert per subscriber with one-click
// unsubscribe, refused addresses, digests, and exactly one mail per
// subscriber with two instances and one of them killed mid-send.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";
import { startGatedSmtp } from "./support/gated-smtp";
import { supportScriptArgs } from "./support/run-command";

// The forms' server actions run for real; only the request edges are stood in for.
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));
let client = "203.0.113.1";
vi.mock("@/lib/security/client-address", () => ({ clientAddress: () => client }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = {
    en: (await import("@/lib/i18n/messages/en.json")).default,
    ko: (await import("@/lib/i18n/messages/ko.json")).default,
  };
  return {
    getTranslations: (opts: { locale: "en" | "ko"; namespace?: string }) =>
      Promise.resolve(
        createTranslator({ locale: opts.locale, messages: messages[opts.locale], namespace: opts.namespace as never }),
      ),
  };
});

// Its own database: an "every new paper" subscriber would hear of every other file's papers.
const fresh = await createDatabase("perspectives_alerts");
const smtp = await startGatedSmtp({ ackDelayMs: 20 });
const APP_URL = "https://alerts.perspectives.test";
const ENV = {
  DATABASE_URL: fresh.url,
  SMTP_URL: smtp.url,
  APP_URL,
  MAIL_FROM: "IFANS Perspectives <alerts@perspectives.test>",
  // A dead instance's mails are taken over after 9 s; an SMTP exchange may take 3 s at most.
  ALERT_SEND_TIMEOUT_SECONDS: "9",
  SMTP_TIMEOUT_MS: "3000",
  ALERT_RETRY_SECONDS: "1",
  // The production default: 22 mails a batch with the 9 s above, so both instances get some of 30.
  ALERT_MAILS_PER_SECOND: "10",
};
Object.assign(process.env, ENV);
resetEnvCache();

const { db, endPools } = await import("@/lib/db");
const { startAlertQueue, stopAlertQueue } = await import("@/lib/alerts/queue");
const { startAlertWorkers } = await import("@/lib/alerts/workers");
const { announceNewPapers } = await import("@/lib/alerts/announce");
const { queueDigests } = await import("@/lib/alerts/send-alerts");
const { readAlertToken } = await import("@/lib/alerts/tokens");
const { createAlertRequest, confirmAlertRequest, getAlertSubscription } = await import("@/lib/data/alerts");
const actions = await import("@/app/[locale]/(site)/alerts/actions");
const unsubscribeRoute = await import("@/app/api/alerts/unsubscribe/route");
const { createPublication, createSeries, uid } = await import("./support/factories");

const children: ChildProcess[] = [];
beforeAll(async () => {
  await startAlertWorkers();
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await stopAlertQueue({ graceful: false });
  await endPools();
  await fresh.drop();
  await smtp.close();
  for (const key of Object.keys(ENV)) delete process.env[key];
  resetEnvCache();
});

const address = (prefix = "reader") => `${prefix}-${uid()}@example.org`;
const linkIn = (text: string, pattern: RegExp) => text.match(pattern)?.[0] ?? "";
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

/** Subscribes as the public form does and follows the mailed link; returns the subscriber's id. */
async function subscribeAndConfirm(email: string, fields: Record<string, string | string[]>, locale: "ko" | "en" = "en") {
  const before = smtp.to(email).length;
  client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`; // a reader of their own: the per-client limit is not this test's
  const answer = await actions.subscribeToAlerts(
    locale,
    { ok: false },
    form({ email, consent: "on", mailLocale: locale, ...fields }),
  );
  expect(answer).toMatchObject({ ok: true });
  await vi.waitFor(() => expect(smtp.to(email).length).toBe(before + 1));
  const mail = smtp.to(email).at(-1)!.parsed;
  const link = linkIn(mail.text ?? "", new RegExp(`${APP_URL}/${locale}/alerts/confirm\\?token=\\S+`));
  const token = new URL(link).searchParams.get("token")!;
  expect(await actions.confirmAlerts(locale, token, { ok: false })).toMatchObject({ ok: true, done: "confirmed" });
  return { token, mail };
}

/** A confirmed subscription's choices: English mails, one per paper, about one series. */
const followsSeries = (seriesId: number) => ({
  locale: "en" as const,
  frequency: "instant" as const,
  everything: false,
  seriesIds: [seriesId],
  topicIds: [] as number[],
  authorIds: [] as number[],
});

/** A paper made public now, as an editor's "publish" leaves it. */
const publishNow = (seriesId: number, overrides: Partial<Parameters<typeof createPublication>[0]> = {}) =>
  createPublication({ seriesId, status: "published", publishedAt: new Date(), summary: "What the paper argues.", ...overrides });

async function announce() {
  return announceNewPapers(await startAlertQueue());
}

describe("subscribing and confirming", () => {
  it("sends one confirmation in the chosen language and nothing else until its link is followed", async () => {
    // Arrange
    const series = await createSeries();
    const confirmedReader = address();
    const waitingReader = address();

    // Act
    const { mail } = await subscribeAndConfirm(confirmedReader, { series: String(series.id) }, "ko");
    await actions.subscribeToAlerts(
      "en",
      { ok: false },
      form({ email: waitingReader, consent: "on", mailLocale: "en", series: String(series.id) }),
    );
    const paper = await publishNow(series.id, { language: "ko", title: `동맹 ${uid()}` });
    await announce();

    // Assert
    expect(mail.subject).toContain("이메일 알림 신청을 확인해 주세요");
    expect(mail.text).not.toContain(confirmedReader); // nothing a stranger typed is in it
    await vi.waitFor(() => expect(smtp.to(confirmedReader)).toHaveLength(2), { timeout: 20_000 });
    const alert = smtp.to(confirmedReader)[1]!.parsed;
    expect(alert.subject).toContain(paper.title);
    expect(alert.text).toContain("온라인으로 읽기");
    expect(alert.text).toContain(`${APP_URL}/ko/publications/${paper.id}`);
    expect(smtp.to(waitingReader)).toHaveLength(1); // the confirmation only
  });

  it("refuses a form without consent, without a choice or with a bad address, saying which field", async () => {
    const series = await createSeries();
    const noConsent = await actions.subscribeToAlerts(
      "en",
      { ok: false },
      form({ email: address(), mailLocale: "en", series: String(series.id) }),
    );
    const nothing = await actions.subscribeToAlerts(
      "en",
      { ok: false },
      form({ email: address(), consent: "on", mailLocale: "en" }),
    );
    const badAddress = await actions.subscribeToAlerts(
      "en",
      { ok: false },
      form({ email: "a@b, c@d", consent: "on", mailLocale: "en", everything: "on" }),
    );
    const badLocale = await actions.subscribeToAlerts(
      "en",
      { ok: false },
      form({ email: address(), consent: "on", mailLocale: "fr", everything: "on" }),
    );

    expect(noConsent.fieldErrors?.consent).toEqual(["Please agree to the privacy terms to subscribe."]);
    expect(nothing.fieldErrors?.choices).toEqual(["Choose at least one series, topic or author, or every new paper."]);
    expect(badAddress.fieldErrors?.email).toEqual(["Enter one valid email address, such as name@example.org."]);
    expect(badLocale.fieldErrors?.choices).toEqual(["This value is not valid."]);
  });

  it("limits requests per address, whatever the spelling, and per client", async () => {
    client = "203.0.113.50";
    const local = `limit${uid()}`;
    const answers = [];
    for (const spelling of [
      `${local}@example.org`,
      `${local}+a@example.org`,
      `${local}+b@EXAMPLE.org`,
      `${local}+c@example.org`,
    ]) {
      answers.push(
        await actions.subscribeToAlerts(
          "en",
          { ok: false },
          form({ email: spelling, consent: "on", mailLocale: "en", everything: "on" }),
        ),
      );
    }
    client = "203.0.113.51";
    const fromOneClient = [];
    for (let i = 0; i < 6; i++) {
      fromOneClient.push(
        await actions.subscribeToAlerts(
          "en",
          { ok: false },
          form({ email: address(), consent: "on", mailLocale: "en", everything: "on" }),
        ),
      );
    }
    client = "203.0.113.1";

    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false]);
    expect(answers[3]!.message).toMatch(/Too many requests/);
    expect(fromOneClient.map((a) => a.ok)).toEqual([true, true, true, true, true, false]);
  });

  it("does not confirm an expired, used or forged link", async () => {
    const choices = {
      locale: "en" as const,
      frequency: "instant" as const,
      everything: false,
      seriesIds: [],
      topicIds: [],
      authorIds: [],
    };
    const expired = await createAlertRequest(address(), choices, 1);
    await db.alertRequest.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const used = await createAlertRequest(address(), choices, 1);
    expect(await confirmAlertRequest(used)).not.toBeNull();

    const email = address();
    const [one, two] = [await createAlertRequest(email, choices, 1), await createAlertRequest(email, choices, 1)];
    const both = await Promise.all([confirmAlertRequest(one), confirmAlertRequest(two)]);
    expect(both[0]?.subscriberId).toBe(both[1]?.subscriberId); // one subscriber, whichever came first

    expect(await confirmAlertRequest(expired)).toBeNull();
    expect(await confirmAlertRequest(used)).toBeNull();
    expect(readAlertToken("confirm", `${used}.forged`)).toBeNull();
    expect(readAlertToken("manage", `${used}.${"x".repeat(43)}`)).toBeNull();
  });
});

describe("the alert", () => {
  it("is sent once per paper, even when announced again or republished, with RFC 8058 headers that unsubscribe in one click", async () => {
    // Arrange
    const series = await createSeries();
    const reader = address();
    await subscribeAndConfirm(reader, { series: String(series.id) });
    const paper = await publishNow(series.id, { title: `Sanctions ${uid()}` });

    // Act
    await Promise.all([announce(), announce()]);
    await vi.waitFor(() => expect(smtp.to(reader)).toHaveLength(2), { timeout: 20_000 });
    await db.publication.update({ where: { id: paper.id }, data: { status: "archived" } });
    await db.publication.update({ where: { id: paper.id }, data: { status: "published", publishedAt: new Date() } });
    await announce();
    await new Promise((r) => setTimeout(r, 1500));

    // Assert: one alert, with its headers and links.
    expect(smtp.to(reader)).toHaveLength(2);
    const alert = smtp.to(reader)[1]!.parsed;
    const header = (name: string) =>
      (alert.headerLines.find((h) => h.key === name)?.line ?? "").replace(/^[^:]+:/, "").replace(/\s+/g, "");
    const oneClick = header("list-unsubscribe").replace(/^<|>$/g, "");
    expect(oneClick).toMatch(new RegExp(`^${APP_URL}/api/alerts/unsubscribe\\?locale=en&token=`));
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const manage = linkIn(alert.text ?? "", new RegExp(`${APP_URL}/en/alerts/manage\\?token=\\S+`));
    const subscriberId = readAlertToken("manage", new URL(manage).searchParams.get("token"));
    expect((await getAlertSubscription(subscriberId!))?.email).toBe(reader);

    // Act: a mail program's one-click POST.
    const response = await unsubscribeRoute.POST(
      new Request(oneClick, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    await publishNow(series.id);
    await announce();
    await new Promise((r) => setTimeout(r, 1500));

    // Assert: unsubscribed at once, and nothing more sent.
    expect(response.status).toBe(200);
    expect((await getAlertSubscription(subscriberId!))?.unsubscribed).toBe(true);
    expect(smtp.to(reader)).toHaveLength(2);
  });

  it("refuses a one-click POST without RFC 8058's body or with a bad token, and leads a GET to the manage page", async () => {
    const series = await createSeries();
    const reader = address();
    const { token } = await subscribeAndConfirm(reader, { series: String(series.id) });
    const subscriberId = (await db.alertSubscriber.findUniqueOrThrow({ where: { email: reader } })).id;
    const { alertToken } = await import("@/lib/alerts/tokens");
    const url = `${APP_URL}/api/alerts/unsubscribe?locale=en&token=${alertToken("manage", subscriberId)}`;

    const noBody = await unsubscribeRoute.POST(new Request(url, { method: "POST", body: "" }));
    const confirmToken = await unsubscribeRoute.POST(
      new Request(`${APP_URL}/api/alerts/unsubscribe?token=${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
    );
    const get = unsubscribeRoute.GET(new Request(url));

    expect(noBody.status).toBe(400);
    expect(confirmToken.status).toBe(400); // a confirmation link is not an unsubscribe link
    expect((await getAlertSubscription(subscriberId))?.unsubscribed).toBe(false);
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(
      `${APP_URL}/en/alerts/manage?token=${encodeURIComponent(alertToken("manage", subscriberId))}`,
    );
  });

  it("goes to followers of the paper's topic or author, and never for a paper public for more than a day (an archive)", async () => {
    const series = await createSeries();
    const { createAuthor, createTopic } = await import("./support/factories");
    const author = await createAuthor();
    const topic = await createTopic();
    const byAuthor = address();
    const byTopic = address();
    const bySeries = address();
    await subscribeAndConfirm(byAuthor, { author: String(author.id) });
    await subscribeAndConfirm(byTopic, { topic: String(topic.id) });
    await subscribeAndConfirm(bySeries, { series: String(series.id) });

    const old = await createPublication({ seriesId: series.id, publishedAt: new Date(Date.now() - 2 * 86_400_000) });
    const paper = await publishNow(series.id, { authorIds: [author.id] });
    await db.publicationTopic.create({ data: { publicationId: paper.id, topicId: topic.id } });
    await announce();

    await vi.waitFor(() => expect(smtp.to(bySeries)).toHaveLength(2), { timeout: 20_000 });
    await vi.waitFor(() => expect(smtp.to(byAuthor)).toHaveLength(2), { timeout: 20_000 });
    await vi.waitFor(() => expect(smtp.to(byTopic)).toHaveLength(2), { timeout: 20_000 });
    expect(await db.alertAnnouncement.findUnique({ where: { publicationId: old.id } })).toBeNull();
  });

  it("stops every mail to an address its server refuses for good (550)", async () => {
    const series = await createSeries();
    const reader = address("refused");
    const choices = followsSeries(series.id);
    const confirmed = await confirmAlertRequest(await createAlertRequest(reader, choices, 1));

    await publishNow(series.id);
    await announce();
    await vi.waitFor(async () => expect((await getAlertSubscription(confirmed!.subscriberId))?.bounced).toBe(true), {
      timeout: 20_000,
    });
    await publishNow(series.id);
    await announce();
    await new Promise((r) => setTimeout(r, 1500));

    expect(smtp.refusedAttempts.filter((a) => a === reader)).toHaveLength(1);
    const deliveries = await db.alertDelivery.findMany({ where: { subscriberId: confirmed!.subscriberId } });
    expect(deliveries.map((d) => d.status)).toEqual(["failed"]);
  });

  it("is tried again after a passing refusal (451), and arrives once", async () => {
    const series = await createSeries();
    const reader = address("later");
    const confirmed = await confirmAlertRequest(await createAlertRequest(reader, followsSeries(series.id), 1));

    await publishNow(series.id);
    await announce();

    // ALERT_RETRY_SECONDS is 1 here: the second try comes a second or two later.
    await vi.waitFor(() => expect(smtp.to(reader)).toHaveLength(1), { timeout: 30_000 });
    // The mail server holds the mail a moment before the sender has written down that it went.
    await vi.waitFor(
      async () => {
        const [delivery] = await db.alertDelivery.findMany({ where: { subscriberId: confirmed!.subscriberId } });
        expect(delivery).toMatchObject({ status: "sent", attempts: 2 });
      },
      { timeout: 10_000 },
    );
    expect((await getAlertSubscription(confirmed!.subscriberId))?.bounced).toBe(false);
  });

  it("gathers a daily subscriber's papers into one digest", async () => {
    const series = await createSeries();
    const reader = address();
    await subscribeAndConfirm(reader, { series: String(series.id), frequency: "daily" });
    const first = await publishNow(series.id);
    const second = await publishNow(series.id);
    await announce();
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(reader)).toHaveLength(1); // the confirmation: alerts wait for the digest

    await queueDigests(await startAlertQueue());

    await vi.waitFor(() => expect(smtp.to(reader)).toHaveLength(2), { timeout: 20_000 });
    const digest = smtp.to(reader)[1]!.parsed;
    expect(digest.subject).toContain("2 new papers");
    expect(digest.text).toContain(first.title);
    expect(digest.text).toContain(second.title);
  });
});

describe("a paper withdrawn after its announcement", () => {
  it("is not mailed to those still waiting for it", async () => {
    // Arrange: a daily subscriber's alert waits for the digest; the paper is then withdrawn.
    const series = await createSeries();
    const reader = address();
    await subscribeAndConfirm(reader, { series: String(series.id), frequency: "daily" });
    const paper = await publishNow(series.id);
    await announce();
    await db.publication.update({ where: { id: paper.id }, data: { status: "archived" } });

    // Act
    await queueDigests(await startAlertQueue());

    // Assert: the digest job ran and gave the alert up, and no mail but the confirmation came.
    await vi.waitFor(
      async () =>
        expect(await db.alertDelivery.findFirst({ where: { publicationId: paper.id } })).toMatchObject({
          status: "failed",
          error: "papers gone",
        }),
      { timeout: 20_000 },
    );
    expect(smtp.to(reader)).toHaveLength(1);
  });
});

describe("managing alerts from the link in a mail", () => {
  it("changes the choices, subscribes again after leaving, and erases the address so the link stops working", async () => {
    // Arrange
    const [first, second] = [await createSeries(), await createSeries()];
    const reader = address();
    await subscribeAndConfirm(reader, { series: String(first.id) });
    const { alertToken } = await import("@/lib/alerts/tokens");
    const subscriberId = (await db.alertSubscriber.findUniqueOrThrow({ where: { email: reader } })).id;
    const token = alertToken("manage", subscriberId);

    // Act + Assert: a choice of nothing is refused and changes nothing.
    const refused = await actions.saveAlertChoices("en", token, { ok: false }, form({ mailLocale: "en", frequency: "instant" }));
    expect(refused.fieldErrors?.choices).toEqual(["Choose at least one series, topic or author, or every new paper."]);
    expect((await getAlertSubscription(subscriberId))?.seriesIds).toEqual([first.id]);

    // Act + Assert: unsubscribed, then saving other choices subscribes again, in Korean, daily.
    await actions.unsubscribeFromAlerts("en", token, { ok: false });
    const saved = await actions.saveAlertChoices(
      "en",
      token,
      { ok: false },
      form({ mailLocale: "ko", frequency: "daily", series: String(second.id) }),
    );
    expect(saved).toMatchObject({ ok: true, done: "saved" });
    expect(await getAlertSubscription(subscriberId)).toMatchObject({
      locale: "ko",
      frequency: "daily",
      unsubscribed: false,
      seriesIds: [second.id],
    });

    // Act + Assert: erased; the same link now finds nobody.
    expect(await actions.eraseAlertAddress("en", token, { ok: false })).toMatchObject({ ok: true, done: "erased" });
    expect(await db.alertSubscriber.count({ where: { email: reader } })).toBe(0);
    expect(await actions.unsubscribeFromAlerts("en", token, { ok: false })).toMatchObject({
      ok: false,
      message: "This link is not valid, has expired or was already used.",
    });
    expect(
      await actions.saveAlertChoices("en", "forged.token", { ok: false }, form({ everything: "on", mailLocale: "en" })),
    ).toMatchObject({
      ok: false,
    });
  });
});

describe("what staff see", () => {
  it("counts subscribers per series and alerts per paper, and exports the addresses with their choices", async () => {
    // Arrange: two readers of a new series, one of whom leaves; one paper announced to them.
    const series = await createSeries();
    const [stays, leaves] = [address(), address()];
    const choices = followsSeries(series.id);
    await confirmAlertRequest(await createAlertRequest(stays, choices, 1));
    const left = await confirmAlertRequest(await createAlertRequest(leaves, choices, 1));
    const paper = await publishNow(series.id);
    await announce();
    await vi.waitFor(() => expect(smtp.to(leaves)).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(() => expect(smtp.to(stays)).toHaveLength(1), { timeout: 20_000 });
    await actions.unsubscribeFromAlerts("en", (await import("@/lib/alerts/tokens")).alertToken("manage", left!.subscriberId), {
      ok: false,
    });
    const { alertsPerPaper, listAlertSubscribers, subscribersPerFollow } = await import("@/lib/data/alert-stats");

    // Act
    const follows = await subscribersPerFollow();
    const papers = await alertsPerPaper();
    const exported = await listAlertSubscribers();

    // Assert
    expect(follows.find((f) => f.kind === "series" && f.id === series.id)?.subscribers).toBe(1);
    expect(papers.find((p) => p.publicationId === paper.id)).toMatchObject({ sent: 2, failed: 0, waiting: 0 });
    expect(exported.find((r) => r.email === stays)).toMatchObject({ series: series.nameEn, unsubscribedAt: null });
    expect(exported.find((r) => r.email === leaves)?.unsubscribedAt).toBeInstanceOf(Date);
  });
});

describe("two instances", () => {
  it(
    "sends an alert whose claim an instance that died left behind, once that claim's lease runs out",
    { timeout: 120_000 },
    async () => {
      // Arrange: no worker in this process; one alert queued, then claimed by an instance that died
      // before sending it (its claim dated ahead, so its lease runs for as long as the test needs).
      await stopAlertQueue({ graceful: true });
      const boss = await startAlertQueue(); // queues only, no workers
      const series = await createSeries();
      const reader = address("orphan");
      await confirmAlertRequest(await createAlertRequest(reader, followsSeries(series.id), 1));
      await publishNow(series.id);
      expect((await announceNewPapers(boss)).queued).toBe(1);
      const claimedAt = (from: string) => db.$executeRaw`
      UPDATE "AlertDelivery" d SET status = 'sending', "claimedAt" = now() + ${from}::interval, attempts = d.attempts + 1
      FROM "AlertSubscriber" s WHERE s.id = d."subscriberId" AND s.email = ${reader}`;
      await claimedAt("1 hour");
      const job = async () => (await sendJobs([reader]))[0];

      // Act: this instance works the queue again and takes the alert's job.
      await startAlertWorkers();

      // Assert: while the claim's lease runs the job is tried again later, not done, and nothing is sent.
      await vi.waitFor(async () => expect((await job())?.retries).toBeGreaterThanOrEqual(1), { timeout: 30_000, interval: 100 });
      expect(smtp.to(reader)).toHaveLength(0);
      // The lease runs out: a later try sends it, once.
      await claimedAt("-1 hour");
      await vi.waitFor(() => expect(smtp.to(reader)).toHaveLength(1), { timeout: 60_000, interval: 250 });
      await vi.waitFor(async () => expect((await job())?.state).toBe("completed"), { timeout: 10_000, interval: 100 });
      expect(smtp.to(reader)).toHaveLength(1);
    },
  );

  it("send exactly one mail per subscriber when one is killed mid-send", { timeout: 180_000 }, async () => {
    // Arrange: this process stops working the queue; two other instances do, each through a mail
    // server of its own, so that the test knows which of them is in the middle of a mail.
    await stopAlertQueue({ graceful: true });
    const boss = await startAlertQueue(); // queues only, no workers
    const servers = await Promise.all([startGatedSmtp({ ackDelayMs: 20 }), startGatedSmtp({ ackDelayMs: 20 })]);
    try {
      const series = await createSeries();
      const readers = Array.from({ length: 30 }, () => address("many"));
      const choices = followsSeries(series.id);
      for (const reader of readers) await confirmAlertRequest(await createAlertRequest(reader, choices, 1));
      for (const s of servers) s.holdAfter(2);
      const instances = await Promise.all([startInstance(servers[0].url), startInstance(servers[1].url)]);
      const received = () => servers.flatMap((s) => s.received).filter((m) => readers.includes(m.to));
      const recordedSent = () => db.alertDelivery.count({ where: { status: "sent", subscriber: { email: { in: readers } } } });
      const jobsCompleted = async () => (await sendJobs(readers)).filter((j) => j.state === "completed").length;
      await publishNow(series.id);
      expect((await announceNewPapers(boss)).queued).toBe(30);

      // Act: each mail server answers two mails, then holds the rest. Once each instance has two
      // answered and another waiting for its answer, and each answered mail is written down as sent
      // (one answered but not yet written down would rightly go out again: exactly once cannot
      // outlive a crash between the two), A is killed in the middle of that mail.
      await vi.waitFor(
        () => {
          for (const s of servers) expect([s.received.length, s.waiting() > 0]).toEqual([2, true]);
        },
        { timeout: 60_000, interval: 50 },
      );
      await vi.waitFor(async () => expect(await recordedSent()).toBe(4), { timeout: 30_000 });
      const victim = 0;
      instances[victim].kill("SIGKILL");
      await vi.waitFor(() => expect(servers[victim].openSessions()).toBe(0), { timeout: 30_000 });
      for (const s of servers) s.resume();

      // Assert: B sends the rest, A's unfinished jobs included (they come back to the queue with
      // those A sent, which must not go out again), and nobody gets two.
      await vi.waitFor(() => expect(new Set(received().map((m) => m.to)).size).toBe(30), {
        timeout: 90_000,
        interval: 250,
      });
      // Every job done: no mail can still go out.
      await vi.waitFor(async () => expect(await jobsCompleted()).toBe(30), { timeout: 60_000, interval: 250 });
      expect(await recordedSent()).toBe(30);
      const perReader = readers.map((r) => received().filter((m) => m.to === r).length);
      expect(perReader).toEqual(readers.map(() => 1));
      // A really was in the middle of a mail, which its server then dropped.
      expect(servers[victim].dropped()).toBeGreaterThanOrEqual(1);
    } finally {
      for (const c of children) c.kill("SIGKILL");
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});

/** The instant alerts' send jobs of these readers, as the queue holds them. */
function sendJobs(emails: string[]) {
  return db.$queryRaw<{ state: string; retries: number }[]>`
    SELECT j.state::text AS state, j.retry_count AS retries FROM pgboss.job j
    JOIN "AlertDelivery" d ON d.id::text = j.data->>'deliveryId' JOIN "AlertSubscriber" s ON s.id = d."subscriberId"
    WHERE j.name = 'alerts-send' AND s.email = ANY(${emails})`;
}

/** Another portal instance: a process of its own running the alert workers. */
async function startInstance(smtpUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, supportScriptArgs("alert-instance.ts"), {
    env: { ...process.env, ...ENV, SMTP_URL: smtpUrl, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return child;
}
