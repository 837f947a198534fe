// The catalogue's listings and searches, written by the portal's server
// itself (server/catalogue-pages.ts), are the pages Next.js renders for the
// same queries, byte for byte: two instances on a database of their own (no
// other spec's papers come and go between the two answers), one writing its
// listings, one with the page copy off (PAGE_CACHE_MB=0), which leaves every
// listing to Next.js. Both on an APP_URL that is not localhost.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createDatabase } from "@/tests/support/databases";
import { startInstance, type Instance } from "./security/support/instance";

const APP_URL = "https://think.example";
// A word only this spec's papers carry, in their bodies: found by full-text search once indexed.
const WORD = `zephyrine${randomUUID().slice(0, 6)}`;

let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
let dataDir = "";
let writer: Instance | undefined;
let next: Instance | undefined;

/** A series, a topic, a region, an author, 25 English papers over three years and a Korean one. */
async function catalogue(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string, params: unknown[] = []) => (await client.query<{ id: number }>(sql, params)).rows[0]!.id;
    const series = await one(
      `insert into "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt") values ('focus', '포커스', 'Focus', 'FOCUS', now()) returning id`,
    );
    const other = await one(
      `insert into "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt") values ('briefs', '브리프', 'Briefs', 'BRIEF', now()) returning id`,
    );
    const topic = await one(
      `insert into "Topic" (slug, "nameKo", "nameEn") values ('security', '안보', 'Security') returning id`,
    );
    const region = await one(`insert into "Region" (slug, "nameKo", "nameEn") values ('asia', '아시아', 'Asia') returning id`);
    const author = await one(
      `insert into "Author" ("nameKo", "nameEn", "updatedAt") values ('최우선', 'CHOI Wooseon', now()) returning id`,
    );
    for (let i = 0; i < 26; i++) {
      const korean = i === 25;
      const id = await one(
        `insert into "Publication" ("seriesId", "reportNumber", language, title, summary, body, status, "publishedAt", "updatedAt")
         values ($1, $2, $3::"Language", $4, $5, $6, 'published', $7, now()) returning id`,
        [
          i % 3 === 0 ? other : series,
          `2024-${String(i + 1).padStart(2, "0")}`,
          korean ? "ko" : "en",
          korean ? `한반도 정세와 동맹 ${i}` : `Alliance politics & "trade" <${i}>`,
          korean ? "동맹에 관한 요약." : `A summary of paper ${i}.`,
          `## Findings\n\nThe ${WORD} effect on alliances, part ${i}.`,
          new Date(Date.UTC(2022 + (i % 3), i % 12, 1 + i)),
        ],
      );
      await client.query(`insert into "Authorship" ("publicationId", "authorId", position) values ($1, $2, 0)`, [id, author]);
      if (i % 2 === 0) {
        await client.query(`insert into "PublicationTopic" ("publicationId", "topicId") values ($1, $2)`, [id, topic]);
        await client.query(`insert into "PublicationRegion" ("publicationId", "regionId") values ($1, $2)`, [id, region]);
      }
    }
  } finally {
    await client.end();
  }
}

test.describe("listings the server writes itself", () => {
  test.describe.configure({ mode: "default" });

  test.beforeAll(async () => {
    // A database, its catalogue and two instances: as slow as three tests.
    test.setTimeout(test.info().timeout * 3);
    database = await createDatabase("perspectives_e2e_listings");
    await catalogue(database.url);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "perspectives-listings-"));
    const settings = {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      STORAGE_DIR: path.join(dataDir, "files"),
      DEMO_DATA: "false",
      APP_URL,
      AUTH_SECRET: "listings-secret-listings-secret-0001",
    };
    [writer, next] = await Promise.all([
      startInstance({ ...settings, PAGE_CACHE_MB: "16" }),
      startInstance({ ...settings, PAGE_CACHE_MB: "0" }),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([writer?.stop(), next?.stop()]);
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test("listings, filters, pages, searches and empty results are the pages Next.js renders, in both languages", async () => {
    test.slow();
    // Searches find the papers once the instances' indexer has read them.
    await expect
      .poll(async () => (await (await fetch(`${next!.origin}/en/publications?q=${WORD}`)).text()).includes("Alliance politics"), {
        timeout: 30_000,
      })
      .toBe(true);
    const queries = [
      "",
      "?page=2",
      "?series=focus&year=2023",
      "?topic=security&region=asia",
      `?q=${WORD}`,
      `?q=${WORD}&sort=newest&page=2`,
      "?q=%EB%8F%99%EB%A7%B9",
      "?q=CHOI+Wooseon&series=briefs",
      "?q=nothing-matches-this&year=2024&topic=security",
      `?q=${"long".repeat(60)}`,
      "?page=99",
      "?year=abc&page=-1&unknown=1",
    ];
    for (const locale of ["en", "ko"]) {
      for (const query of queries) {
        const url = `/${locale}/publications${query}`;
        const [written, rendered] = await Promise.all([fetch(writer!.origin + url), fetch(next!.origin + url)]);
        expect(written.status, url).toBe(200);
        expect(rendered.status, url).toBe(200);
        expect(written.headers.get("x-perspectives-cache"), url).toBe("written");
        expect(rendered.headers.get("x-perspectives-cache"), url).toBeNull();
        expect(await written.text(), url).toBe(await rendered.text());
      }
    }
  });

  test("what the server does not write is Next's: a HEAD, and a query too long to name", async () => {
    const head = await fetch(`${writer!.origin}/en/publications?year=2023`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-perspectives-cache")).toBeNull();
    // A Korean search of 150 characters: longer than a listing's key may be (lib/validations/listing-key.ts).
    const tooLong = await fetch(`${writer!.origin}/ko/publications?q=${encodeURIComponent("북한과 러시아의 동맹 ".repeat(15))}`);
    expect(tooLong.status).toBe(200);
    expect(tooLong.headers.get("x-perspectives-cache")).toBeNull();
  });
});
