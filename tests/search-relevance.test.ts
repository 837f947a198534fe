// The relevance test set (issue 18): queries a reader would type, in Korean
// and English, each with the paper that must come first or in the top three,
// over the demo catalogue plus generated papers whose bodies and PDFs carry
// the target phrases. The PDFs are real files read by the upload path's
// reader, Korean ones set in a Korean font. Prints the figure; at least 95 %
// of queries must put their paper in the top three, and every exact title and
// report number must be first.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";

const fresh = await createDatabase("perspectives_relevance");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();
const { db, endPools } = await import("@/lib/db");
const { listPublications } = await import("@/lib/data/publications");
const { indexQueuedPapers } = await import("@/lib/data/search-index");
const { readPdf } = await import("@/lib/uploads/pdf");
const { seedDatabase } = await import("@/prisma/seed/seed");

const KOREAN_FONT = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

type Case = { locale: "ko" | "en"; q: string; expect: string; first?: true; kind: string };

/** A PDF with one page per text (a Korean font for Hangul), read by the portal's PDF reader as an upload is. */
async function pdfText(pages: string[]): Promise<string> {
  if (!existsSync(KOREAN_FONT)) throw new Error(`${KOREAN_FONT} is missing: install fonts-nanum (README, "npm test needs")`);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const latin = await doc.embedFont(StandardFonts.Helvetica);
  const korean = await doc.embedFont(await readFile(KOREAN_FONT), { subset: true });
  for (const text of pages) {
    const page = doc.addPage([595, 842]);
    const font = /[\u3131-\uD79D]/.test(text) ? korean : latin;
    text.split("\n").forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  }
  return (await readPdf(await doc.save())).text;
}

/** Generated papers: the phrases some queries look for live only in their bodies or only in their PDFs. */
const GENERATED = [
  {
    language: "en" as const,
    title: "Maritime Governance in the Yellow Sea",
    body: "## Findings\n\nChina's gray-zone coercion relies on maritime militias that blur the line between fishing and force.",
    pdf: ["Annex A\nPort access and fisheries data.", "Annex B\nSeabed cable resilience is the next test of deterrence."],
  },
  {
    language: "ko" as const,
    title: "서해 해양 거버넌스의 과제",
    body: "## 분석\n\n중국의 회색지대 강압은 어선과 군사력의 경계를 흐리는 해상민병대에 의존한다.",
    pdf: ["부록 가\n항만 접근과 어업 자료", "부록 나\n해저케이블 복원력은 억제의 다음 시험대이다."],
  },
  {
    language: "en" as const,
    title: "Insuring Arctic Shipping",
    body: "## Summary\n\nUnderwriters weigh ice class, season and route.",
    pdf: ["Chapter 1\nMarket overview.", "Chapter 2\nPolar Code compliance audits decide which ships are covered."],
  },
  {
    language: "ko" as const,
    title: "기술 안보와 동맹 협력",
    body: "## 쟁점\n\n반도체 수출통제의 실효성은 동맹국 간 공조에 달려 있다.",
    pdf: ["요약\n기술 안보 협력의 현황"],
  },
  {
    // A distractor: every word of "gray-zone coercion" somewhere, none of them together.
    language: "en" as const,
    title: "Economic Coercion and Trade Policy",
    body: "## Context\n\nA gray market grows in every free trade zone when tariffs rise.",
    pdf: ["Notes\nTariff schedules."],
  },
];

const CASES: Case[] = [
  // Title words
  {
    kind: "title words",
    locale: "en",
    q: "North Korea Russia Alliance",
    expect: "The North Korea-Russia Alliance and Korea’s Policy",
  },
  { kind: "title words", locale: "ko", q: "북한 러시아 동맹", expect: "북한-러시아 동맹과 한국의 정책" },
  {
    kind: "title words",
    locale: "en",
    q: "Hypersonic Missile",
    expect: "Assessing North Korea's Hypersonic Missile Tests at the Start of 2022",
  },
  { kind: "title words", locale: "ko", q: "극초음속 미사일", expect: "북한의 연초 극초음속 미사일 시험발사 평가" },
  {
    kind: "title words",
    locale: "en",
    q: "Carbon Border Adjustment",
    expect: "The EU's Carbon Border Adjustment Mechanism and Korean Exporters",
  },
  { kind: "title words", locale: "ko", q: "탄소국경조정제도", expect: "EU 탄소국경조정제도와 한국 수출기업" },
  {
    kind: "title words",
    locale: "en",
    q: "Camp David",
    expect: "Camp David and the Institutionalisation of Korea-U.S.-Japan Cooperation",
  },
  { kind: "title words", locale: "ko", q: "캠프 데이비드", expect: "캠프 데이비드 정상회의와 한미일 협력의 제도화" },
  { kind: "title words", locale: "en", q: "DeepSeek", expect: "DeepSeek and the New Phase of U.S.-China Technology Competition" },
  { kind: "title words", locale: "ko", q: "딥시크", expect: "딥시크 충격과 미중 기술경쟁의 새 국면" },
  // Exact titles: first
  {
    kind: "exact title",
    first: true,
    locale: "en",
    q: "The North Korea-Russia Alliance and Korea's Policy",
    expect: "The North Korea-Russia Alliance and Korea’s Policy",
  },
  {
    kind: "exact title",
    first: true,
    locale: "ko",
    q: "북한-러시아 동맹과 한국의 정책",
    expect: "북한-러시아 동맹과 한국의 정책",
  },
  {
    kind: "exact title",
    first: true,
    locale: "en",
    q: "Critical Minerals and Supply Chain Resilience",
    expect: "Critical Minerals and Supply Chain Resilience",
  },
  { kind: "exact title", first: true, locale: "ko", q: "핵심광물 공급망과 회복력", expect: "핵심광물 공급망과 회복력" },
  {
    kind: "exact title",
    first: true,
    locale: "en",
    q: "economic coercion and trade policy",
    expect: "Economic Coercion and Trade Policy",
  },
  // Report numbers: first
  { kind: "report number", first: true, locale: "ko", q: "2024-14", expect: "북한-러시아 동맹과 한국의 정책" },
  {
    kind: "report number",
    first: true,
    locale: "en",
    q: "2023-07E",
    expect: "The Washington Declaration and the Evolution of Extended Deterrence",
  },
  { kind: "report number", first: true, locale: "en", q: "2026-15", expect: "Critical Minerals and Supply Chain Resilience" },
  { kind: "report number", first: true, locale: "ko", q: "2025-21", expect: "러시아 극동 개발과 대북 제재 이행의 과제" },
  // Particles and endings
  { kind: "particles", locale: "ko", q: "동맹을", expect: "북한-러시아 동맹과 한국의 정책" },
  { kind: "particles", locale: "ko", q: "미사일을", expect: "북한의 연초 극초음속 미사일 시험발사 평가" },
  { kind: "particles", locale: "ko", q: "반도체의", expect: "반도체 공급망 재편과 경제안보" },
  { kind: "particles", locale: "ko", q: "해상민병대에", expect: "서해 해양 거버넌스의 과제" },
  { kind: "particles", locale: "ko", q: "수출통제는", expect: "기술 안보와 동맹 협력" },
  // Spacing variants
  { kind: "spacing", locale: "ko", q: "북러동맹", expect: "북한-러시아 동맹과 한국의 정책" },
  { kind: "spacing", locale: "ko", q: "북러 동맹", expect: "북한-러시아 동맹과 한국의 정책" },
  { kind: "spacing", locale: "ko", q: "한미 동맹", expect: "트럼프 2기 행정부와 한미동맹" },
  { kind: "spacing", locale: "ko", q: "경제 안보", expect: "일본의 경제안보 정책: 제도와 실제" },
  { kind: "spacing", locale: "ko", q: "회색 지대 강압", expect: "서해 해양 거버넌스의 과제" },
  // Author names in either script
  { kind: "author", locale: "ko", q: "최우선", expect: "북한-러시아 동맹과 한국의 정책" },
  { kind: "author", locale: "en", q: "CHOI Wooseon", expect: "The North Korea-Russia Alliance and Korea’s Policy" },
  { kind: "author", locale: "ko", q: "CHOI Wooseon", expect: "북한-러시아 동맹과 한국의 정책" },
  { kind: "author", locale: "en", q: "최우선", expect: "The North Korea-Russia Alliance and Korea’s Policy" },
  { kind: "author", locale: "en", q: "Seo Yerin", expect: "Climate Diplomacy after COP30" },
  { kind: "author", locale: "ko", q: "서예린", expect: "변화하는 북극: 항로와 기후변화" },
  // English stemming
  {
    kind: "stemming",
    locale: "en",
    q: "sanction",
    expect: "The Russian Far East and the Enforcement of Sanctions on North Korea",
  },
  {
    kind: "stemming",
    locale: "en",
    q: "sanctioned",
    expect: "The Russian Far East and the Enforcement of Sanctions on North Korea",
  },
  { kind: "stemming", locale: "en", q: "election", expect: "Taiwan's 2024 Elections and the Outlook for Cross-Strait Relations" },
  { kind: "stemming", locale: "en", q: "hedge", expect: "ASEAN's Hedging amid U.S.-China Rivalry" },
  { kind: "stemming", locale: "en", q: "governing AI", expect: "AI Governance and Middle-Power Diplomacy" },
  // Phrases only in a body
  { kind: "body phrase", locale: "en", q: "gray-zone coercion", expect: "Maritime Governance in the Yellow Sea" },
  { kind: "body phrase", locale: "en", q: "maritime militias", expect: "Maritime Governance in the Yellow Sea" },
  { kind: "body phrase", locale: "ko", q: "해상민병대", expect: "서해 해양 거버넌스의 과제" },
  // Phrases only in a PDF
  { kind: "PDF phrase", locale: "en", q: "seabed cable resilience", expect: "Maritime Governance in the Yellow Sea" },
  { kind: "PDF phrase", locale: "en", q: "polar code compliance audits", expect: "Insuring Arctic Shipping" },
  { kind: "PDF phrase", locale: "ko", q: "해저케이블 복원력", expect: "서해 해양 거버넌스의 과제" },
  { kind: "PDF phrase", locale: "ko", q: "해저 케이블", expect: "서해 해양 거버넌스의 과제" },
  // Hangul and Latin in one query
  { kind: "mixed", locale: "ko", q: "IPEF 통상전략", expect: "IPEF 출범과 한국의 통상전략" },
  { kind: "mixed", locale: "ko", q: "EU 탄소", expect: "EU 탄소국경조정제도와 한국 수출기업" },
  {
    kind: "mixed",
    locale: "en",
    q: "APEC 경주",
    expect: "APEC 2025 in Gyeongju and the Future of Regional Economic Cooperation",
  },
  { kind: "phrase", locale: "en", q: "supply chain", expect: "Critical Minerals and Supply Chain Resilience" },
];

describe("search relevance", () => {
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-relevance-"));
    await seedDatabase({ databaseUrl: fresh.url, storageDir });
    const series = await db.series.create({
      data: { slug: "relevance", nameKo: "검증 시리즈", nameEn: "Test Series", reportPrefix: "TEST" },
    });
    for (const [i, g] of GENERATED.entries()) {
      const paper = await db.publication.create({
        data: {
          seriesId: series.id,
          reportNumber: `2020-${i + 1}`,
          language: g.language,
          title: g.title,
          body: g.body,
          status: "published",
          publishedAt: new Date(`2020-0${i + 1}-01T00:00:00Z`),
        },
      });
      await db.attachment.create({
        data: {
          publicationId: paper.id,
          fileName: `${i}.pdf`,
          byteSize: 1,
          sha256: String(i).padStart(64, "0"),
          mediaType: "application/pdf",
          storageKey: `relevance/${i}`,
          extractedText: await pdfText(g.pdf),
        },
      });
    }
    await indexQueuedPapers();
  }, 180_000);

  afterAll(async () => {
    await endPools();
    await fresh.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  it(`puts the expected paper in the top 3 for at least 95 % of ${CASES.length} queries, and exact titles and report numbers first`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    const notFirst: string[] = [];
    for (const c of CASES) {
      const { items } = await listPublications({ locale: c.locale, q: c.q }, 1);
      const titles = items.map((p) => p.title);
      const at = titles.indexOf(c.expect);
      if (at < 0 || at > 2) misses.push(`${c.kind} [${c.locale}] "${c.q}": got ${JSON.stringify(titles.slice(0, 3))}`);
      if (c.first && at !== 0) notFirst.push(`${c.kind} [${c.locale}] "${c.q}": at ${at + 1}`);
    }
    const share = (CASES.length - misses.length) / CASES.length;
    console.log(
      `Search relevance: ${CASES.length - misses.length} of ${CASES.length} queries (${(share * 100).toFixed(1)} %) put the expected paper in the top 3.` +
        (misses.length > 0 ? `\nMissed:\n  ${misses.join("\n  ")}` : ""),
    );
    expect(notFirst).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it("reads the PDF-only phrases from the files themselves", async () => {
    const texts = await db.attachment.findMany({
      where: { storageKey: { startsWith: "relevance/" } },
      select: { extractedText: true },
    });
    const all = texts.map((t) => t.extractedText ?? "").join("\n");
    expect(all).toContain("Seabed cable resilience");
    expect(all).toContain("해저케이블 복원력");
  });
});
