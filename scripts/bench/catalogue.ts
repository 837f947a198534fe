// Generates the benchmark catalogue straight in SQL: thousands of publications
// in both languages, with authors, tags and one stored PDF each.
import { createHash } from "node:crypto";
import { link, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { LocalStorage } from "@/lib/storage/local";
import { generatePdf } from "@/prisma/seed/pdf";

const BODY = [1, 2, 3, 4, 5, 6]
  .map(
    (n) =>
      `## ${n}. Section ${n}\n\n${"This paragraph weighs the alliance, the region and the options for policy in measured terms. ".repeat(9)}`,
  )
  .join("\n\n");

export async function generateCatalogue(url: string, storageDir: string, size: number, log: (m: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Author" ("nameKo", "nameEn", "positionEn", "updatedAt")
      SELECT '저자' || i, 'AUTHOR Number' || i, 'Research Fellow', now() FROM generate_series(1, 300) i`);
    const { rows: bounds } = await client.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) AS hi FROM "Author"`);
    const { lo, hi } = bounds[0]!;
    // Odd rows Korean, even rows their English translations; ids are fixed so pairs can point at each other.
    await client.query(
      `INSERT INTO "Publication" (id, "seriesId", "reportNumber", language, "translationId", title, summary, body, status, "publishedAt", "baseHits", "updatedAt")
       SELECT 1000000 + i, (SELECT id FROM "Series" ORDER BY id OFFSET (i % 3) LIMIT 1), 'B' || ((i + 1) / 2),
              CASE WHEN i % 2 = 1 THEN 'ko'::"Language" ELSE 'en'::"Language" END,
              CASE WHEN i % 2 = 0 THEN 1000000 + i - 1 END,
              CASE WHEN i % 2 = 1 THEN '정책 보고서 ' || i || ' 한반도 안보와 외교' ELSE 'Policy paper ' || i || ' on security and diplomacy in Asia' END,
              'A generated summary for benchmark paper ' || i || '.', $1, 'published',
              now() - (i || ' minutes')::interval * 37, (i * 7919) % 20000, now()
       FROM generate_series(1, $2::int) i`,
      [BODY, size],
    );
    await client.query(`SELECT setval(pg_get_serial_sequence('"Publication"', 'id'), (SELECT max(id) FROM "Publication"))`);
    await client.query(
      `INSERT INTO "Authorship" ("publicationId", "authorId", position)
       SELECT 1000000 + i, $1::int + (i % ($2::int - $1::int + 1)), 0 FROM generate_series(1, $3::int) i
       UNION ALL
       SELECT 1000000 + i, $1::int + ((i * 13 + 5) % ($2::int - $1::int + 1)), 1 FROM generate_series(1, $3::int) i
       WHERE i % 3 = 0 AND (i * 13 + 5) % ($2::int - $1::int + 1) <> i % ($2::int - $1::int + 1)`,
      [lo, hi, size],
    );
    await client.query(
      `INSERT INTO "PublicationTopic" ("publicationId", "topicId")
      SELECT 1000000 + i, (SELECT id FROM "Topic" ORDER BY id OFFSET (i % 7) LIMIT 1) FROM generate_series(1, $1::int) i`,
      [size],
    );
    await client.query(
      `INSERT INTO "PublicationRegion" ("publicationId", "regionId")
      SELECT 1000000 + i, (SELECT id FROM "Region" ORDER BY id OFFSET (i % 8) LIMIT 1) FROM generate_series(1, $1::int) i`,
      [size],
    );

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
    const storage = new LocalStorage(storageDir);
    await storage.put("bench/original", pdf.bytes);
    const original = path.join(storageDir, "bench/original");
    await mkdir(path.join(storageDir, "bench/files"), { recursive: true });
    const sha = createHash("sha256").update(pdf.bytes).digest("hex");
    await client.query(
      `INSERT INTO "Attachment" ("publicationId", "fileName", "byteSize", sha256, "mediaType", "pageCount", "storageKey")
       SELECT 1000000 + i, 'BENCH ' || i || '.pdf', $1, $2, 'application/pdf', $3, 'bench/files/' || i FROM generate_series(1, $4::int) i`,
      [pdf.bytes.length, sha, pdf.pageCount, size],
    );
    for (let i = 1; i <= size; i++) await link(original, path.join(storageDir, `bench/files/${i}`));
    await client.query("COMMIT");
    await client.query("ANALYZE");
    log(`Generated ${size} publications with authors, tags and PDFs in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
