// `npm run bench:alerts [-- --subscribers 10000 --rate 1000]`: the portal as
// production runs it (the launcher, a real PostgreSQL, an SMTP sink on this
// machine) with `--subscribers` confirmed readers following one series. An
// administrator publishes a paper in that series from the editor page (in
// Debian's Chromium), and the alerts go out through the job queue. Prints
// mails per second into the sink, the publish request's latency before and
// while the alerts are sent, duplicates and failures, and writes
// bench/results/alerts-<date>.json. ALERT_MAILS_PER_SECOND is `--rate`
// (the production default is 10 a second: a limit, not a measurement).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { buildLauncherBundle } from "../lib/launcher-bundle";
import { runScript } from "../lib/run-script";
import { benchOptions, wholeNumber } from "./options";
import { startServer, stopAllServers } from "./server";
import { BENCH_ADMIN_URL, benchDatabaseUrl } from "./database";

const USAGE = "Usage: npm run bench:alerts [-- --subscribers N] [--rate N] (mails a second)";
const values = benchOptions(USAGE, {
  subscribers: { type: "string", default: "10000" },
  rate: { type: "string", default: "1000" },
});
const SUBSCRIBERS = wholeNumber(USAGE, "--subscribers", values.subscribers, 1);
const RATE = wholeNumber(USAGE, "--rate", values.rate, 1);

const PORT = 3360;
const SMTP_PORT = 3361;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DB_NAME = "perspectives_bench_alerts";
const WORK = path.resolve("bench/.work/alerts");
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const ADMIN = { email: "bench-admin@bench.example.org", password: "bench-admin-password-1" };
const PROBES = 6;
const log = (m: string) => console.log(`[bench:alerts] ${m}`);

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** An SMTP server that counts what it accepts, and when. */
async function startSink() {
  const mails: { to: string; at: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) mails.push({ to: r.address, at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
  return { mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The followed series with its readers, and drafts: one in that series, PROBES in a series nobody follows. */
async function seed(url: string) {
  const [followed] = await sql<{ id: number }>(
    url,
    `INSERT INTO "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt") VALUES ('followed', '구독 시리즈', 'Followed', 'FOLLOWED', now()) RETURNING id`,
  );
  const [quiet] = await sql<{ id: number }>(
    url,
    `INSERT INTO "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt") VALUES ('quiet', '조용한 시리즈', 'Quiet', 'QUIET', now()) RETURNING id`,
  );
  await sql(
    url,
    `WITH s AS (
       INSERT INTO "AlertSubscriber" (id, email, locale, frequency, everything, "confirmedAt", "updatedAt")
       SELECT gen_random_uuid()::text, 'reader' || i || '@bench.example.org', (CASE WHEN i % 2 = 0 THEN 'ko' ELSE 'en' END)::"Language",
              'instant', false, now(), now()
       FROM generate_series(1, $1::int) i RETURNING id)
     INSERT INTO "AlertSeries" ("subscriberId", "seriesId") SELECT id, $2 FROM s`,
    [SUBSCRIBERS, followed!.id],
  );
  const draft = async (seriesId: number, n: number) =>
    (
      await sql<{ id: number }>(
        url,
        `INSERT INTO "Publication" ("seriesId", "reportNumber", language, title, summary, body, "updatedAt")
         VALUES ($1, $2, 'en', $3, 'A paper the alert benchmark publishes.', '## Findings\n\nText.', now()) RETURNING id`,
        [seriesId, `2026-${n}`, `Benchmark paper ${n}`],
      )
    )[0]!.id;
  return {
    followed: await draft(followed!.id, 1),
    probes: await Promise.all(Array.from({ length: PROBES }, (_, i) => draft(quiet!.id, 10 + i))),
  };
}

/** Publishes from the editor page as an editor does; the time from the click to the page saying "Published". */
async function publish(page: Page, id: number): Promise<number> {
  await page.goto(`${ORIGIN}/en/admin/publications/${id}`);
  const button = page.locator(".status-panel").getByRole("button", { name: "Publish now", exact: true });
  await button.waitFor().catch(async (error: unknown) => {
    const heading = await page
      .locator("h1")
      .first()
      .textContent()
      .catch(() => null);
    throw new Error(`No "Publish" button on ${page.url()} (heading: ${heading}): ${(error as Error).message.split("\n")[0]}`);
  });
  const started = performance.now();
  await button.click();
  await page.getByTestId("current-status").filter({ hasText: "Published" }).waitFor({ timeout: 60_000 });
  return Math.round(performance.now() - started);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

runScript(async () => {
  const url = benchDatabaseUrl(DB_NAME);
  await sql(BENCH_ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await sql(BENCH_ADMIN_URL, `CREATE DATABASE "${DB_NAME}"`);
  await applyMigrations(url);
  const drafts = await seed(url);
  log(`${SUBSCRIBERS} confirmed subscribers follow one series; sending limit ${RATE} mails/s`);
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const sink = await startSink();
  await buildLauncherBundle();
  const server = await startServer(
    PORT,
    {
      DATABASE_URL: url,
      APP_URL: ORIGIN,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      MAIL_FROM: "Bench <alerts@bench.example.org>",
      ALERT_MAILS_PER_SECOND: String(RATE),
      DATA_DIR: WORK,
      STORAGE_DIR: path.join(WORK, "files"),
    },
    "/api/health",
  );
  const browser = await chromium.launch({ executablePath: CHROME });
  try {
    const page = await browser.newPage();
    await page.goto(`${ORIGIN}/en/sign-in`);
    const form = page.getByRole("region", { name: "With your password" });
    await form.getByLabel("Email").fill(ADMIN.email);
    await form.getByLabel("Password").fill(ADMIN.password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${ORIGIN}/en/admin`);

    const before = [];
    for (const id of drafts.probes.slice(0, 2)) before.push(await publish(page, id));
    const triggered = await publish(page, drafts.followed);
    const clicked = Date.now();
    while (sink.mails.length === 0 && Date.now() - clicked < 120_000) await new Promise((r) => setTimeout(r, 50));
    const during = [];
    for (const id of drafts.probes.slice(2)) {
      if (sink.mails.length >= SUBSCRIBERS) break;
      during.push(await publish(page, id));
    }
    const sentWhileProbing = sink.mails.length;
    const deadline = Date.now() + Math.max(300_000, (SUBSCRIBERS / Math.min(RATE, 20)) * 1000);
    while (sink.mails.length < SUBSCRIBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

    const first = sink.mails[0]?.at ?? clicked;
    const last = sink.mails.at(-1)?.at ?? clicked;
    const distinct = new Set(sink.mails.map((m) => m.to)).size;
    const [failed] = await sql<{ n: number }>(url, `SELECT count(*)::int AS n FROM "AlertDelivery" WHERE status = 'failed'`);
    const result = {
      date: new Date().toISOString(),
      subscribers: SUBSCRIBERS,
      rateLimitPerSecond: RATE,
      mailsReceived: sink.mails.length,
      duplicates: sink.mails.length - distinct,
      failed: failed?.n ?? 0,
      firstMailAfterPublishMs: first - clicked,
      sendingSeconds: Math.round((last - first) / 100) / 10,
      mailsPerSecond: Math.round((sink.mails.length / Math.max(0.001, (last - first) / 1000)) * 10) / 10,
      publishMs: {
        triggering: triggered,
        beforeMedian: median(before),
        duringMedian: median(during),
        duringMax: Math.max(0, ...during),
        during,
      },
      publishedWhileSending: during.length,
      mailsWhenProbesEnded: sentWhileProbing,
      serverPeakMemoryMb: server.peakMemoryMb(),
    };
    log(`mails: ${result.mailsReceived}/${SUBSCRIBERS} received, ${result.duplicates} duplicates, ${result.failed} failed`);
    log(
      `sending: ${result.mailsPerSecond} mails/s over ${result.sendingSeconds} s (first mail ${result.firstMailAfterPublishMs} ms after the publish)`,
    );
    log(
      `publish request: ${result.publishMs.beforeMedian} ms median before sending, ${result.publishMs.duringMedian} ms median (max ${result.publishMs.duringMax} ms) over ${during.length} publishes while sending`,
    );
    log(`server peak memory ${result.serverPeakMemoryMb} MB`);
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/alerts-${result.date.slice(0, 10)}.json`;
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
  } finally {
    await browser.close();
    await stopAllServers();
    await sink.close();
    await sql(BENCH_ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  }
});
