// A database outage under load: a portal instance of its own, on a PostgreSQL
// cluster the test starts itself (e2e/support/postgres-cluster.ts), which it
// stops (`pg_ctl stop -m fast`: sessions terminated, then connections refused)
// and, about seven seconds later, starts again, as an operator restarting the
// database would, without touching the server other specs share. Readers keep
// requesting pages and a file throughout.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate/schema-engine";
import { visitorHash } from "@/lib/stats/visitor";
import { startInstance } from "./security/support/instance";
import { makePdf } from "./support/pdf";
import { portalEnv } from "./support/portal-env";
import { postgresBinaries, startPostgresCluster, type PostgresCluster } from "./support/postgres-cluster";
import { startReaderLoad, type Answer } from "./support/reader-load";

const DOWN_MS = 7_000;
const binaries = postgresBinaries();

let cluster: PostgresCluster | undefined;
let databaseUrl = "";
/** Where the instance keeps its files and spooled views: its own, so no other instance claims them. */
let dataDir = "";

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A series and a published paper in it, as the reader pages show them. */
async function createPaper(): Promise<number> {
  const tag = randomUUID().slice(0, 8);
  const [row] = await query<{ id: number }>(
    `with s as (
       insert into "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt")
       values ('outage-series', '장애 시리즈', 'Outage series', 'OUTAGE', now())
       on conflict (slug) do update set slug = excluded.slug returning id
     )
     insert into "Publication" ("seriesId", "reportNumber", language, title, summary, body, status, "publishedAt", "updatedAt")
     select id, $1, 'en', $2, 'A paper made by the outage test.', '## Findings' || chr(10) || 'Text.', 'published', now(), now()
     from s returning id`,
    [`OUT-${tag}`, `Outage test paper ${tag}`],
  );
  return row!.id;
}

/** A PDF on the paper, stored where the instance reads files. */
async function attachPdf(publicationId: number) {
  const { bytes, sha256 } = await makePdf(`Outage test ${publicationId}`);
  const key = `outage-test/${randomUUID()}`;
  await mkdir(path.join(dataDir, "files", "outage-test"), { recursive: true });
  await writeFile(path.join(dataDir, "files", key), bytes);
  const [row] = await query<{ id: number }>(
    `insert into "Attachment" ("publicationId", "fileName", "byteSize", sha256, "mediaType", "storageKey")
     values ($1, 'outage.pdf', $2, $3, 'application/pdf', $4) returning id`,
    [publicationId, bytes.length, sha256, key],
  );
  return row!.id;
}

/** The paper's events as written: kind and visitor, one row each. */
async function events(publicationIds: number[]) {
  return query<{ kind: "view" | "download"; visitorHash: string }>(
    `select kind::text, "visitorHash" from "UsageEvent" where "publicationId" = any($1::int[])`,
    [publicationIds],
  );
}

test.describe("database outage", () => {
  test.skip(
    "missing" in binaries,
    "missing" in binaries ? `Needs a PostgreSQL server to stop and start: ${binaries.missing}` : "",
  );

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    if (!("bin" in binaries)) return;
    cluster = await startPostgresCluster(binaries.bin);
    dataDir = path.join(cluster.root, "portal-data");
    await mkdir(path.join(dataDir, "files"), { recursive: true });
    databaseUrl = await cluster.createDatabase("perspectives_outage");
    await applyMigrations(databaseUrl);
  });

  test.afterAll(async () => {
    await cluster?.destroy();
  });

  test("a database outage under load: cached pages served, 503 + Retry-After for the rest, recovery without a restart, no view lost", async () => {
    test.setTimeout(150_000);
    const db = cluster!;
    // Arrange: two papers, one with a file; an instance of its own on the test's cluster.
    const cached = await createPaper();
    const uncached = await createPaper();
    const fileId = await attachPdf(cached);
    const [series] = await query<{ slug: string }>(
      `select s.slug from "Series" s join "Publication" p on p."seriesId" = s.id where p.id = $1`,
      [cached],
    );
    const portal = await startInstance({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      STORAGE_DIR: path.join(dataDir, "files"),
    });
    const secret = portalEnv().AUTH_SECRET!;
    try {
      const targets: Record<string, string> = {
        article: `/en/publications/${cached}`,
        download: `/en/publications/${cached}/files/${fileId}`,
        series: `/en/series/${series!.slug}`,
        feed: "/en/feed.xml",
      };
      // Every page asked for once, so what can be cached is.
      for (const url of Object.values(targets)) expect((await fetch(portal.origin + url)).status, url).toBe(200);

      // Act: readers throughout; the database away for DOWN_MS, then back.
      const load = startReaderLoad(portal.origin, () => targets);
      await new Promise((r) => setTimeout(r, 2_000));
      await db.stop();
      const cutAt = Date.now();
      // A paper nobody had asked for: not in any cache.
      targets.uncachedArticle = `/en/publications/${uncached}`;
      await new Promise((r) => setTimeout(r, DOWN_MS));
      // Down until the restart begins; back once the server accepts connections.
      const restartAt = Date.now();
      await db.start();
      const restoredAt = Date.now();
      await new Promise((r) => setTimeout(r, 6_000));
      const answers = await load.stop();

      // Assert: never a 500 (nor a request left unanswered); every 503 says when to come back.
      expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
      expect(answers.filter((a) => a.status === 503 && a.retryAfter !== "60")).toEqual([]);

      // While the database was away: the cached page was served, what needs the database answered 503.
      const down = (target: string) =>
        answers.filter((a) => a.target === target && a.sentAt > cutAt + 500 && a.receivedAt < restartAt).map((a) => a.status);
      expect(down("article").length).toBeGreaterThan(3);
      expect(new Set(down("article"))).toEqual(new Set([200]));
      for (const target of ["download", "uncachedArticle", "series", "feed"]) {
        expect(down(target).length, target).toBeGreaterThan(2);
        expect(new Set(down(target)), target).toEqual(new Set([503]));
      }

      // Back without a restart: within seconds, every route answers 200 again.
      const back = (target: string) => answers.filter((a) => a.target === target && a.sentAt > restoredAt);
      for (const target of Object.keys(targets)) {
        const firstOk = back(target).find((a) => a.status === 200);
        expect(firstOk, target).toBeDefined();
        expect(firstOk!.sentAt - restoredAt, target).toBeLessThan(5_000);
        expect(
          back(target)
            .slice(-3)
            .map((a) => a.status),
          target,
        ).toEqual([200, 200, 200]);
      }
      expect((await fetch(`${portal.origin}/api/health`)).status).toBe(200);

      // No view lost: every page and file served has its event, once, with its visitor.
      const served = (targetsOf: string[]) =>
        answers
          .filter((a: Answer) => targetsOf.includes(a.target) && a.status === 200)
          .map((a) => visitorHash(secret, "127.0.0.1", a.userAgent, new Date(a.sentAt)));
      const views = served(["article", "uncachedArticle"]);
      const downloads = served(["download"]);
      expect(views.length).toBeGreaterThan(20);
      await expect
        .poll(
          async () => {
            const written = new Set((await events([cached, uncached])).map((e) => `${e.kind} ${e.visitorHash}`));
            return [...views.map((v) => `view ${v}`), ...downloads.map((d) => `download ${d}`)].filter((e) => !written.has(e));
          },
          { timeout: 20_000, message: "events of served pages and files still missing" },
        )
        .toEqual([]);
      const rows = await events([cached, uncached]);
      const perVisitor = new Map<string, number>();
      for (const e of rows) perVisitor.set(`${e.kind} ${e.visitorHash}`, (perVisitor.get(`${e.kind} ${e.visitorHash}`) ?? 0) + 1);
      expect([...perVisitor.values()].filter((n) => n > 1)).toEqual([]);

      // …and folded into the totals exactly once (every request came from a visitor of its own).
      for (const id of [cached, uncached]) {
        const written = await query<{ views: number; downloads: number }>(
          `select count(*) filter (where kind = 'view')::int as views, count(*) filter (where kind = 'download')::int as downloads
           from "UsageEvent" where "publicationId" = $1`,
          [id],
        );
        const totals = async () =>
          query<{ views: number; downloads: number }>(
            `select "viewCount" as views, "downloadCount" as downloads from "Publication" where id = $1`,
            [id],
          );
        await expect.poll(totals, { timeout: 30_000 }).toEqual(written);
      }

      // One line per outage in the log, not a stack per request.
      const log = portal.log();
      expect(log.match(/\[db\] database unreachable/g)).toHaveLength(1);
      expect(log.match(/\[db\] database reachable again/g)).toHaveLength(1);
      expect(log.match(/\[stats\] database unreachable, /g)).toHaveLength(1);
      expect(log.match(/\[stats\] written [\d,]+ kept views/g)).toHaveLength(1);
      expect(log).not.toMatch(/PrismaClientKnownRequestError|ECONNREFUSED\n\s+at /);
    } finally {
      await portal.stop();
    }
  });
});
