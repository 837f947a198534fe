// Generates the benchmark catalogue straight in SQL: thousands of publications
// in both languages, with authors, tags and one stored PDF each.
import { createHash } from "node:crypto";
import { link, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { LocalStorage } from "@/lib/storage/local";
import { generatePdf } from "@/prisma/seed/pdf";
import { fixedSequence, paperText, searchWord, type TextShape } from "./vocabulary";

const BODY = [1, 2, 3, 4, 5, 6]
  .map(
    (n) =>
      `## ${n}. Section ${n}\n\n${"This paragraph weighs the alliance, the region and the options for policy in measured terms. ".repeat(9)}`,
  )
  .join("\n\n");

// Titles and summaries combine a vocabulary, so that a search word matches a
// realistic share of the catalogue (a few per cent), not every paper.
export const TOPICS_EN = [
  "alliance",
  "sanctions",
  "energy",
  "trade",
  "maritime security",
  "cyber",
  "nuclear policy",
  "climate",
  "migration",
  "development aid",
  "diplomacy",
  "technology",
  "finance",
  "public health",
  "food security",
  "space",
  "the Arctic",
  "semiconductors",
  "supply chains",
  "human rights",
  "peacekeeping",
  "arms control",
  "infrastructure",
  "education",
];
export const REGIONS_EN = [
  "Korea",
  "Japan",
  "China",
  "Russia",
  "ASEAN",
  "Europe",
  "the Middle East",
  "Africa",
  "Latin America",
  "India",
  "the Pacific Islands",
  "Central Asia",
];
export const TOPICS_KO = [
  "동맹",
  "제재",
  "에너지",
  "통상",
  "해양안보",
  "사이버",
  "핵정책",
  "기후",
  "이주",
  "개발협력",
  "외교",
  "기술",
  "금융",
  "보건",
  "식량안보",
  "우주",
  "북극",
  "반도체",
  "공급망",
  "인권",
  "평화유지",
  "군비통제",
  "인프라",
  "교육",
];
export const REGIONS_KO = [
  "한국",
  "일본",
  "중국",
  "러시아",
  "아세안",
  "유럽",
  "중동",
  "아프리카",
  "중남미",
  "인도",
  "태평양 도서국",
  "중앙아시아",
];

/**
 * How much text each generated paper has: a real policy paper's body (six
 * sections, 4,000–6,000 words in paragraphs of about 120, 40–60 KB as HTML),
 * and a PDF of four pages.
 */
const SHAPE: TextShape = { sections: 6, paperWords: [4_000, 6_000], wordsPerParagraph: 120, pdfPages: 4, wordsPerPage: 120 };
/** Papers written per statement: their texts are made here and sent as arrays. */
const BATCH = 2_000;

export async function generateCatalogue(
  url: string,
  storageDir: string,
  size: number,
  log: (m: string) => void,
  /** Hears how many papers are written so far, after each batch: 100,000 take about 7 minutes. */
  onPapers?: (done: number, total: number) => void,
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Author" ("nameKo", "nameEn", "positionEn", "updatedAt")
      SELECT '저자' || i, 'AUTHOR Number' || i, 'Research Fellow', now() FROM generate_series(1, 300) i`);
    const { rows: bounds } = await client.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) AS hi FROM "Author"`);
    const { lo, hi } = bounds[0]!;
    // One real PDF, hard-linked under a key per attachment: real files without writing thousands of copies.
    const pdf = await generatePdf({
      label: "BENCHMARK B-1",
      seriesName: "Benchmark",
      title: "Benchmark attachment",
      authors: ["AUTHOR Number1"],
      date: "2026-01-01",
      summary: "A generated attachment.",
      language: "en",
      body: BODY,
    });
    const sha = createHash("sha256").update(pdf.bytes).digest("hex");
    for (let first = 1; first <= size; first += BATCH) {
      const ids = Array.from({ length: Math.min(BATCH, size - first + 1) }, (_, k) => first + k);
      const texts = ids.map((i) => paperText(i % 2 === 1 ? "ko" : "en", i, SHAPE));
      // Odd rows Korean, even rows their English translations; ids are fixed so pairs can point at each other.
      await client.query(
        `INSERT INTO "Publication" (id, "seriesId", "reportNumber", language, "translationId", title, summary, body, status, "publishedAt", "baseHits", "updatedAt")
         SELECT 1000000 + i, (SELECT id FROM "Series" ORDER BY id OFFSET (i % 3) LIMIT 1), 'B' || ((i + 1) / 2),
                CASE WHEN i % 2 = 1 THEN 'ko'::"Language" ELSE 'en'::"Language" END,
                CASE WHEN i % 2 = 0 THEN 1000000 + i - 1 END,
                CASE WHEN i % 2 = 1
                  THEN ko.topic[1 + (i / 2) % 24] || '와 ' || ko.topic[1 + (i / 2 * 7 + 3) % 24] || ': ' || ko.region[1 + (i / 2 * 5) % 12] || '의 선택 ' || i
                  ELSE initcap(en.topic[1 + (i / 2) % 24]) || ' and ' || en.topic[1 + (i / 2 * 7 + 3) % 24] || ' in ' || en.region[1 + (i / 2 * 5) % 12] || ': options ' || i END,
                CASE WHEN i % 2 = 1
                  THEN '이 보고서는 ' || ko.topic[1 + (i / 2 * 11 + 5) % 24] || ' 문제를 다룬다. 벤치마크 논문 ' || i || '.'
                  ELSE 'This paper weighs ' || en.topic[1 + (i / 2 * 11 + 5) % 24] || ' for policy makers. Benchmark paper ' || i || '.' END,
                g.body, 'published', now() - (i || ' minutes')::interval * 37, (i * 7919) % 20000, now()
         FROM unnest($1::int[], $6::text[]) AS g(i, body),
           (SELECT $2::text[] AS topic, $3::text[] AS region) en,
           (SELECT $4::text[] AS topic, $5::text[] AS region) ko`,
        [ids, TOPICS_EN, REGIONS_EN, TOPICS_KO, REGIONS_KO, texts.map((t) => t.body)],
      );
      // Each paper's PDF text its own, in the paper's language, pages apart by form feeds.
      await client.query(
        `INSERT INTO "Attachment" ("publicationId", "fileName", "byteSize", sha256, "mediaType", "pageCount", "storageKey", "extractedText")
         SELECT 1000000 + i, 'BENCH ' || i || '.pdf', $1, $2, 'application/pdf', $3, 'bench/files/' || i, g.text
         FROM unnest($4::int[], $5::text[]) AS g(i, text)`,
        [pdf.bytes.length, sha, pdf.pageCount, ids, texts.map((t) => t.pdf)],
      );
      // Their authors (one each, a second for every third), topic and region.
      const [from, to] = [ids[0]!, ids.at(-1)!];
      await client.query(
        `INSERT INTO "Authorship" ("publicationId", "authorId", position)
         SELECT 1000000 + i, $1::int + (i % ($2::int - $1::int + 1)), 0 FROM generate_series($3::int, $4::int) i
         UNION ALL
         SELECT 1000000 + i, $1::int + ((i * 13 + 5) % ($2::int - $1::int + 1)), 1 FROM generate_series($3::int, $4::int) i
         WHERE i % 3 = 0 AND (i * 13 + 5) % ($2::int - $1::int + 1) <> i % ($2::int - $1::int + 1)`,
        [lo, hi, from, to],
      );
      await client.query(
        `INSERT INTO "PublicationTopic" ("publicationId", "topicId")
        SELECT 1000000 + i, (SELECT id FROM "Topic" ORDER BY id OFFSET (i % 7) LIMIT 1) FROM generate_series($1::int, $2::int) i`,
        [from, to],
      );
      await client.query(
        `INSERT INTO "PublicationRegion" ("publicationId", "regionId")
        SELECT 1000000 + i, (SELECT id FROM "Region" ORDER BY id OFFSET (i % 8) LIMIT 1) FROM generate_series($1::int, $2::int) i`,
        [from, to],
      );
      // A transaction per batch. In one for the whole catalogue, every paper's triggers raised the
      // stored pages' epoch (one row) in that transaction, whose row versions nobody may prune
      // before it ends: each raise walked all the earlier ones (100,000 papers: not done in 45 min).
      await client.query("COMMIT");
      await client.query("BEGIN");
      onPapers?.(ids.at(-1)!, size);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('"Publication"', 'id'), (SELECT max(id) FROM "Publication"))`);

    const storage = new LocalStorage(storageDir);
    // A file system allows some 65,000 links to one file: one original per 50,000 attachments.
    const original = (i: number) => path.join(storageDir, `bench/original-${Math.floor((i - 1) / 50_000)}`);
    for (let i = 1; i <= size; i += 50_000) await storage.put(path.relative(storageDir, original(i)), pdf.bytes);
    await mkdir(path.join(storageDir, "bench/files"), { recursive: true });
    for (let i = 1; i <= size; i++) await link(original(i), path.join(storageDir, `bench/files/${i}`));
    await client.query("COMMIT");
    // Settle the database as a live one would be: statistics, visibility map, and
    // the trigram indexes' pending lists merged (autovacuum would otherwise do it mid-run).
    await client.query("VACUUM (ANALYZE)");
    log(`Generated ${size} publications with authors, tags and PDFs in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * Catalogue searches a page cache cannot answer: each request a different
 * combination of search words (topics, regions, author names, words of the
 * bodies and PDFs alone, in pairs and mixing Korean and English, a word no
 * paper has), series, year and page, in a fixed shuffled order.
 */
export function searchPaths(seriesSlugs: string[]): string[] {
  const draw = fixedSequence(5);
  const words: [string, string][] = [
    ...TOPICS_EN.map((w): [string, string] => ["en", w]),
    ...REGIONS_EN.map((w): [string, string] => ["en", w]),
    ...TOPICS_KO.map((w): [string, string] => ["ko", w]),
    ...REGIONS_KO.map((w): [string, string] => ["ko", w]),
    ...Array.from({ length: 20 }, (_, i): [string, string] => ["en", `AUTHOR Number${i * 13 + 7}`]),
    ["en", "zeitgeist"],
    ["ko", "존재하지않는말"],
    // Words of the bodies and PDFs, alone, in pairs and with the other script: full-text queries,
    // as often for words in most papers as for words in a handful (vocabulary.ts: searchWord).
    ...Array.from({ length: 40 }, (): [string, string] => ["en", `${searchWord("en", draw())} ${searchWord("en", draw())}`]),
    ...Array.from({ length: 40 }, (): [string, string] => ["ko", `${searchWord("ko", draw())}을 ${searchWord("ko", draw())}`]),
    ...Array.from({ length: 40 }, (): [string, string] => ["en", searchWord("en", draw())]),
    ...Array.from({ length: 40 }, (): [string, string] => ["ko", searchWord("ko", draw())]),
    ...Array.from({ length: 20 }, (_, i): [string, string] => [
      i % 2 ? "ko" : "en",
      `${searchWord("ko", draw())} ${searchWord("en", draw())}`,
    ]),
  ];
  const thisYear = new Date().getFullYear();
  const paths: string[] = [];
  for (const [locale, q] of words) {
    for (const series of [undefined, ...seriesSlugs]) {
      for (let back = -1; back < 8; back++) {
        for (const page of [1, 2]) {
          const params = new URLSearchParams({ q });
          if (series) params.set("series", series);
          if (back >= 0) params.set("year", String(thisYear - back));
          if (page > 1) params.set("page", String(page));
          paths.push(`/${locale}/publications?${params.toString()}`);
        }
      }
    }
  }
  // A fixed shuffle, so runs compare.
  const shuffle = fixedSequence(42);
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return paths;
}
