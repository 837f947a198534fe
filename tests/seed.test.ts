import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/prisma/seed/seed";
import { createDatabase } from "./support/databases";

describe("demo catalogue seed", () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let storageDir: string;
  let client: pg.Client;
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await client.query<T>(sql, params)).rows;

  beforeAll(async () => {
    db = await createDatabase("perspectives_seed");
    storageDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-seed-"));
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }, 180_000);
  afterAll(async () => {
    await client.end();
    await db.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  it("fills an empty database, and a second run adds nothing", async () => {
    const first = await seedDatabase({ databaseUrl: db.url, storageDir });
    expect(first.created).toBeGreaterThan(0);
    const counts = async () =>
      (
        await one<Record<string, number>>(`select
          (select count(*)::int from "Series") as series, (select count(*)::int from "Publication") as publications,
          (select count(*)::int from "Author") as authors, (select count(*)::int from "Attachment") as attachments,
          (select count(*)::int from "Authorship") as authorships, (select count(*)::int from "PublicationTopic") as topics`)
      )[0];
    const before = await counts();
    const second = await seedDatabase({ databaseUrl: db.url, storageDir });
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(before);
  }, 180_000);

  it("covers the catalogue the issue asks for", async () => {
    const [c] = await one<{
      series: number;
      authors: number;
      ko: number;
      en: number;
      pairs: number;
      first: number;
      last: number;
    }>(`select
      (select count(*)::int from "Series") as series,
      (select count(*)::int from "Author") as authors,
      (select count(*)::int from "Publication" where language = 'ko' and status = 'published') as ko,
      (select count(*)::int from "Publication" where language = 'en' and status = 'published') as en,
      (select count(*)::int from "Publication" where "translationId" is not null) as pairs,
      (select min(extract(year from "publishedAt"))::int from "Publication" where status = 'published') as first,
      (select max(extract(year from "publishedAt"))::int from "Publication" where status = 'published') as last`);
    expect(c!.series).toBeGreaterThanOrEqual(3);
    expect(c!.authors).toBeGreaterThanOrEqual(15);
    expect(c!.ko + c!.en).toBeGreaterThanOrEqual(60);
    expect(c!.ko).toBeGreaterThan(0);
    expect(c!.en).toBeGreaterThan(0);
    expect(c!.pairs).toBeGreaterThan(20);
    expect([c!.first, c!.last]).toEqual([2022, 2026]);
  });

  it("includes the IFANS Perspectives paper readers know, with its real PDF", async () => {
    const [paper] = await one<{ id: number; title: string; baseHits: number; day: string; body: string }>(
      `select p.id, p.title, p."baseHits", to_char(p."publishedAt" at time zone 'Asia/Seoul', 'YYYY-MM-DD') as day, p.body
       from "Publication" p join "Series" s on s.id = p."seriesId"
       where s.slug = 'ifans-perspectives' and p."reportNumber" = '2024-14E' and p.language = 'en'`,
    );
    expect(paper).toMatchObject({
      title: "The North Korea-Russia Alliance and Korea’s Policy",
      baseHits: 16664,
      day: "2024-12-31",
    });
    expect(paper!.body.match(/^## .+$/gm)).toEqual([
      "## 1. Introduction",
      "## 2. Russia’s Foreign Policy and North Korea’s Strategic Value",
      "## 3. The Causes and Nature of the Alliance Formation",
      "## 4. Russia’s Support for North Korea: Options",
      "## 5. China’s Anticipated Stance",
      "## 6. Policies for Korea",
    ]);
    const authors = await one<{ nameEn: string }>(
      `select a."nameEn" from "Authorship" x join "Author" a on a.id = x."authorId" where x."publicationId" = $1 order by x.position`,
      [paper!.id],
    );
    expect(authors.map((a) => a.nameEn)).toEqual(["CHOI Wooseon"]);
    const [file] = await one<{ fileName: string; sha256: string; byteSize: number; storageKey: string; pageCount: number }>(
      `select "fileName", sha256, "byteSize", "storageKey", "pageCount" from "Attachment" where "publicationId" = $1`,
      [paper!.id],
    );
    expect(file!.fileName).toBe("IFANS PERSPECTIVES 2024-14E(최우선).pdf");
    const bytes = await readFile(path.join(storageDir, file!.storageKey));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBe(file!.byteSize);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(file!.sha256);
    expect(file!.pageCount).toBeGreaterThan(0);
  });

  it("names the demo institute in its site settings and pins papers to the front page, and a reseed keeps an admin's settings", async () => {
    // The tests above seeded this database.
    const [site] = await one<{ institutionNameEn: string; siteTitleKo: string }>(
      `select "institutionNameEn", "siteTitleKo" from "SiteSettings"`,
    );
    expect(site).toEqual({
      institutionNameEn: "Institute of Foreign Affairs and National Security",
      siteTitleKo: "IFANS 퍼스펙티브",
    });
    const featured = await one<{ status: string }>(`select status from "Publication" where "featuredAt" is not null`);
    expect(featured.length).toBeGreaterThanOrEqual(3);
    expect(featured.every((p) => p.status === "published")).toBe(true);

    await client.query(`update "SiteSettings" set "institutionNameEn" = 'Our Institute'`);
    await seedDatabase({ databaseUrl: db.url, storageDir });
    expect(await one(`select "institutionNameEn" from "SiteSettings"`)).toEqual([{ institutionNameEn: "Our Institute" }]);
  }, 180_000);
});
