// `npm run bench:import [-- --papers 10000]`: generates an archive of ko/en
// pairs, each paper with a 12-page PDF of its own, and times `npm run import` over it
// into a fresh PostgreSQL database, as an institute bringing its archive would
// run it. Prints the time, the rate and the importer's peak memory, and writes
// bench/results/import-<date>.json. The target: 10,000 papers in under
// 10 minutes, under 500 MB, on a 2-core machine.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { locales } from "@/lib/i18n/routing";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { nodeScriptArgs } from "../lib/node-script";
import { benchOptions, refuse, wholeNumber } from "./options";
import { ownPeak, treeRss } from "./processes";
import { BENCH_ADMIN_URL, benchDatabaseUrl } from "./database";

const USAGE = "Usage: npm run bench:import [-- --papers N] (an even number: half Korean, half English)";
const values = benchOptions(USAGE, { papers: { type: "string", default: "10000" } });
const PAPERS = wholeNumber(USAGE, "--papers", values.papers, 2);
if (PAPERS % 2 !== 0) refuse(`--papers takes an even number, not ${PAPERS}.`, USAGE);
const DB_NAME = "perspectives_bench_import";
const WORK = path.resolve("bench/.work/import");
const log = (m: string) => console.log(`[bench:import] ${m}`);

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ n: number }>(text)).rows;
  } finally {
    await c.end();
  }
}

const PDF_PAGES = 12;
const WORDS = "alliance sanctions deterrence diplomacy peninsula security cooperation summit economy trade energy nuclear".split(
  " ",
);

/** A paper's PDF as the readers meet it: PDF_PAGES A4 pages of text (~17 KB), different for every paper. */
async function paperPdf(i: number, language: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < PDF_PAGES; p++) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < 45; l++) {
      const words = Array.from({ length: 12 }, (_, w) => WORDS[(i * 7 + p * 13 + l * 5 + w) % WORDS.length]);
      page.drawText(`${words.join(" ")} ${language} ${i}.${p}.${l}`, { x: 50, y: 800 - l * 17, size: 10, font });
    }
  }
  return doc.save();
}

/** An archive like an institute's: ko/en pairs, HTML and Markdown bodies, one PDF per paper, Korean file names. */
async function generateArchive(folder: string) {
  await mkdir(path.join(folder, "files"), { recursive: true });
  await writeFile(
    path.join(folder, "series.jsonl"),
    `${JSON.stringify({ slug: "archive", nameKo: "정책 보고서", nameEn: "Policy Papers", reportPrefix: "POLICY PAPER" })}\n`,
  );
  const lines: string[] = [];
  for (let i = 0; i < PAPERS / 2; i++) {
    const year = 1970 + Math.floor(i / 900);
    for (const language of locales) {
      const file = `files/${i}-${language}.pdf`;
      await writeFile(path.join(folder, file), await paperPdf(i, language));
      lines.push(
        JSON.stringify({
          legacyId: `paper-${i}-${language}`,
          legacyUrls: [`/board/view.do?seq=${i}&lang=${language}`],
          series: "archive",
          number: `${year}-${(i % 900) + 1}${language === "en" ? "E" : ""}`,
          language,
          ...(language === "en" ? { translationOf: `paper-${i}-ko` } : {}),
          title: language === "ko" ? `정책 보고서 ${i}: 한반도와 동북아` : `Policy paper ${i}: Korea and Northeast Asia`,
          summary: language === "ko" ? "동북아 정세를 분석한다." : "An analysis of Northeast Asia.",
          body:
            i % 2 === 0
              ? `<h2>Summary</h2><p>Paper <strong>${i}</strong>.</p><ul><li>One</li><li>Two</li></ul>`
              : `## Summary\n\nPaper **${i}**.\n\n- One\n- Two`,
          bodyFormat: i % 2 === 0 ? "html" : "markdown",
          authors: [{ key: `author-${i % 200}`, nameKo: `저자${i % 200}`, nameEn: `AUTHOR ${i % 200}` }],
          topics: [{ slug: `topic-${i % 12}`, nameKo: `주제 ${i % 12}`, nameEn: `Topic ${i % 12}` }],
          publishedAt: `${year}-${String((i % 12) + 1).padStart(2, "0")}-15`,
          hits: (i * 37) % 5000,
          attachments: [{ path: file, name: language === "ko" ? `정책 보고서 ${i}.pdf` : `Policy paper ${i}.pdf` }],
        }),
      );
    }
  }
  await writeFile(path.join(folder, "publications.jsonl"), `${lines.join("\n")}\n`);
}

/** Runs the importer as `npm run import` does; its time and its peak memory (itself, and with its PDF readers). */
function runImport(folder: string, databaseUrl: string, storageDir: string) {
  // package.json's own command: the importer is this child, with the flags an institute's run has.
  const child = spawn(process.execPath, [...nodeScriptArgs("import"), folder], {
    env: { ...process.env, DATABASE_URL: databaseUrl, STORAGE_DIR: storageDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => void (output += c.toString()));
  let peakOwn = 0;
  let peakTree = 0;
  const sample = setInterval(() => {
    if (!child.pid) return;
    peakOwn = Math.max(peakOwn, ownPeak(child.pid));
    peakTree = Math.max(peakTree, treeRss(child.pid));
  }, 100);
  const started = Date.now();
  return new Promise<{ code: number | null; seconds: number; peakOwn: number; peakTree: number; output: string }>((resolve) =>
    child.on("exit", (code) => {
      clearInterval(sample);
      resolve({ code, seconds: (Date.now() - started) / 1000, peakOwn, peakTree, output });
    }),
  );
}

async function main() {
  rmSync(WORK, { recursive: true, force: true });
  const folder = path.join(WORK, "archive");
  log(`Generating an archive of ${PAPERS} papers, each with its own PDF...`);
  await generateArchive(folder);
  await sql(BENCH_ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await sql(BENCH_ADMIN_URL, `CREATE DATABASE "${DB_NAME}"`);
  const url = benchDatabaseUrl(DB_NAME);
  await applyMigrations(url);

  log("Importing...");
  const run = await runImport(folder, url, path.join(WORK, "files"));
  const [row] = await sql(url, `SELECT count(*)::int AS n FROM "Publication"`);
  const imported = row?.n ?? 0;
  const mb = (b: number) => Math.round(b / 1024 / 1024);
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${mb(os.totalmem())} MB`,
    papers: PAPERS,
    imported,
    exitCode: run.code,
    seconds: Math.round(run.seconds),
    papersPerSecond: Math.round((imported / run.seconds) * 10) / 10,
    peakImporterMb: mb(run.peakOwn),
    peakWithPdfReadersMb: mb(run.peakTree),
    pdfPages: PDF_PAGES,
    targets: { seconds: 600, peakMb: 500 },
  };
  console.log(run.output.trim().split("\n").slice(0, 6).join("\n"));
  console.table([result]);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/import-${result.date.slice(0, 10)}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`Wrote ${file}.`);
  await sql(BENCH_ADMIN_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  rmSync(WORK, { recursive: true, force: true });
  if (run.code !== 0 || imported !== PAPERS) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
