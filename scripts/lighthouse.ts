// `npm run lighthouse`: Lighthouse's mobile audit (its default: a mid-range
// phone on a slow 4G line, simulated) of the catalogue listing and a paper's
// page (issue 19's targets), and of the front page and a series' page, in
// Korean and English, on the production build with the demo
// catalogue in a database of its own. Prints the four scores and Total
// Blocking Time and writes bench/results/lighthouse-<date>.json. Chromium is
// Debian's (CHROME_PATH, /usr/bin/chromium by default). A measurement, never a
// test: the targets (performance ≥ 90, TBT ≤ 200 ms, the others 100) are
// compared in the output, not enforced.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { locales } from "@/lib/i18n/routing";
import { startServer } from "./bench/server";
import { buildLauncherBundle } from "./lib/launcher-bundle";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";

const PORT = 3350;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "perspectives_lighthouse";
const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const log = (m: string) => console.log(`[lighthouse] ${m}`);

function databaseUrl(name: string) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** The portal as `npm start` runs it (bench/server.ts), on the demo catalogue in its own database. */
async function startPortal(url: string, dataDir: string) {
  await buildLauncherBundle();
  const server = await startServer(
    PORT,
    {
      APP_URL: ORIGIN,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      STORAGE_DIR: path.join(dataDir, "files"),
      AUTH_SECRET: "lighthouse-secret-lighthouse-secret-0001",
      DEMO_DATA: "true",
    },
    "/api/health",
  );
  return () => server.stop();
}

type Audit = {
  page: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  firstContentfulPaintMs: number;
  speedIndexMs: number;
  cumulativeLayoutShift: number;
};

type LighthouseResult = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
};

/** One Lighthouse run (its CLI, which starts and stops Chromium itself) on the page. */
function audit(page: string, url: string): Audit {
  const cli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  const r = spawnSync(
    process.execPath,
    [
      cli,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      `--only-categories=${CATEGORIES.join(",")}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ],
    { env: { ...process.env, CHROME_PATH: CHROME }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`Lighthouse failed on ${url}: ${r.stderr.slice(-2000)}`);
  const lhr = JSON.parse(r.stdout) as LighthouseResult;
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  return {
    page,
    url,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Audit["scores"],
    totalBlockingTimeMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
    largestContentfulPaintMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
    firstContentfulPaintMs: Math.round(lhr.audits["first-contentful-paint"]?.numericValue ?? 0),
    speedIndexMs: Math.round(lhr.audits["speed-index"]?.numericValue ?? 0),
    cumulativeLayoutShift: Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0) * 1000) / 1000,
  };
}

runScript(async () => {
  commandArguments(
    "Usage: npm run lighthouse (audits the listing, a paper's, the front and a series' page in both languages; it takes no arguments)",
  );
  if (!existsSync(CHROME)) throw new Error(`No Chromium at ${CHROME}: apt-get install chromium, or set CHROME_PATH.`);
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run npm run build first.");
  await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await sql(ADMIN_URL, `CREATE DATABASE "${DB_NAME}"`);
  const url = databaseUrl(DB_NAME);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "perspectives-lighthouse-"));
  log("Starting the portal on the demo catalogue...");
  const stop = await startPortal(url, dataDir);
  try {
    // A paper with the most body (its sections, its table of contents) in each language.
    const papers = await sql<{ language: string; id: number }>(
      url,
      `SELECT DISTINCT ON (language) language::text, id FROM "Publication" WHERE status = 'published' ORDER BY language, length(body) DESC`,
    );
    const [series] = await sql<{ slug: string }>(url, `SELECT slug FROM "Series" ORDER BY id LIMIT 1`);
    const pages = [
      ...locales.map((l) => [`listing (${l})`, `${ORIGIN}/${l}/publications`] as const),
      ...papers.map((p) => [`publication (${p.language})`, `${ORIGIN}/${p.language}/publications/${p.id}`] as const),
      ...locales.map((l) => [`front page (${l})`, `${ORIGIN}/${l}`] as const),
      ...locales.map((l) => [`series (${l})`, `${ORIGIN}/${l}/series/${series!.slug}`] as const),
    ];
    // Each page once before auditing: Lighthouse should measure the page, not its first rendering.
    for (const [, pageUrl] of pages) await fetch(pageUrl, { headers: { "user-agent": "lighthouse-warmup-bot/1.0" } });
    const audits: Audit[] = [];
    for (const [page, pageUrl] of pages) {
      log(`Auditing ${page}: ${pageUrl}`);
      audits.push(audit(page, pageUrl));
    }
    console.table(
      audits.map((a) => ({
        page: a.page,
        ...a.scores,
        "TBT ms": a.totalBlockingTimeMs,
        "LCP ms": a.largestContentfulPaintMs,
        "FCP ms": a.firstContentfulPaintMs,
        "SI ms": a.speedIndexMs,
        CLS: a.cumulativeLayoutShift,
      })),
    );
    console.log("Targets: performance ≥ 90, Total Blocking Time ≤ 200 ms, accessibility, best practices and SEO 100.");
    const date = new Date().toISOString();
    mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/lighthouse-${date.slice(0, 10)}.json`;
    writeFileSync(file, `${JSON.stringify({ date, preset: "mobile (Lighthouse's default)", audits }, null, 2)}\n`);
    log(`Results written to ${file}.`);
  } finally {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  }
});
