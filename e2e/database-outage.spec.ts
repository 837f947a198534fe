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
import { startInstance, type Instance } from "./security/support/instance";
import { makePdf } from "./support/pdf";
import { portalEnv } from "./support/portal-env";
import { postgresBinaries, startPostgresCluster, type PostgresCluster } from "./support/postgres-cluster";
import { startReaderLoad, type Answer } from "./support/reader-load";

// The outage's length is the point: long enough for every route to be asked for while the database is away.
const DOWN_MS = 7_000;
// Every route must answer 200 again within this long of the database accepting connections.
const RECOVERED_WITHIN_MS = 5_000;
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

/** What the outage left to look at: every answer the readers got, and when the database went and came back. */
type Outage = {
  portal: Instance;
  cached: number;
  uncached: number;
  targets: Record<string, string>;
  answers: Answer[];
  cutAt: number;
  restartAt: number;
  restoredAt: number;
};

/** Readers on an instance of its own; the database stopped for DOWN_MS, then started again. */
async function outageUnderLoad(db: PostgresCluster): Promise<Outage> {
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
  const answered = (target: string, after = 0) => load.answers().filter((a) => a.target === target && a.sentAt > after);
  // Readers under way: every route answered before the cut.
  await expect.poll(() => Object.keys(targets).filter((target) => answered(target).length === 0)).toEqual([]);
  await db.stop();
  const cutAt = Date.now();
  // A paper nobody had asked for: not in any cache.
  targets.uncachedArticle = `/en/publications/${uncached}`;
  // The outage itself: a pause of DOWN_MS is what the test is about.
  await new Promise((r) => setTimeout(r, DOWN_MS));
  // Down until the restart begins; back once the server accepts connections.
  const restartAt = Date.now();
  await db.start();
  const restoredAt = Date.now();
  // Until every route has answered 200 three times in a row since the restart.
  const recovered = (target: string) =>
    answered(target, restoredAt)
      .slice(-3)
      .filter((a) => a.status === 200).length === 3;
  await expect
    .poll(() => Object.keys(targets).filter((target) => !recovered(target)), { timeout: RECOVERED_WITHIN_MS * 4 })
    .toEqual([]);
  const answers = await load.stop();
  return { portal, cached, uncached, targets, answers, cutAt, restartAt, restoredAt };
}

test.describe("a database outage under load", () => {
  test.skip(
    "missing" in binaries,
    "missing" in binaries ? `Needs a PostgreSQL server to stop and start: ${binaries.missing}` : "",
  );
  // One outage for all the tests below, in one worker, in order; each looks at one thing it left behind.
  test.describe.configure({ mode: "default" });

  let outage: Outage | undefined;

  test.beforeAll(async () => {
    if (!("bin" in binaries)) return;
    // A cluster, an instance and an outage: as slow as three tests (what test.slow() gives one).
    test.setTimeout(test.info().timeout * 3);
    cluster = await startPostgresCluster(binaries.bin);
    dataDir = path.join(cluster.root, "portal-data");
    await mkdir(path.join(dataDir, "files"), { recursive: true });
    databaseUrl = await cluster.createDatabase("perspectives_outage");
    await applyMigrations(databaseUrl);
    outage = await outageUnderLoad(cluster);
  });

  test.afterAll(async () => {
    await outage?.portal.stop();
    await cluster?.destroy();
  });

  test("no request gets a 500 or goes unanswered, and every 503 says when to come back", () => {
    const { answers } = outage!;
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    expect(answers.filter((a) => a.status === 503 && a.retryAfter !== "60")).toEqual([]);
  });

  test("while the database is away, the cached page is served and what needs the database answers 503", () => {
    const { answers, cutAt, restartAt } = outage!;
    const down = (target: string) =>
      answers.filter((a) => a.target === target && a.sentAt > cutAt + 500 && a.receivedAt < restartAt).map((a) => a.status);
    // How many answers the outage's seconds hold depends on the machine (each reader waits out the
    // 503s in turn: a CI run on a busy machine got 3 articles), so it asks for some, each as it should be.
    expect(down("article").length).toBeGreaterThan(0);
    // Seen once in many runs under the full suite's load, not yet explained: the answers and the
    // instance's errors go with a failure, to say which path answered.
    const articles = answers.filter((a) => a.target === "article" && a.sentAt > cutAt + 500 && a.receivedAt < restartAt);
    const errors = outage!.portal
      .log()
      .split("\n")
      .filter((line) => /error|fail/i.test(line))
      .slice(-40)
      .join("\n");
    expect(new Set(down("article")), `${JSON.stringify(articles.filter((a) => a.status !== 200))}\n${errors}`).toEqual(
      new Set([200]),
    );
    for (const target of ["download", "uncachedArticle", "series", "feed"]) {
      expect(down(target).length, target).toBeGreaterThan(0);
      expect(new Set(down(target)), target).toEqual(new Set([503]));
    }
  });

  test("every route answers 200 again within seconds of the database's return, without a restart", async () => {
    const { answers, targets, restoredAt, portal } = outage!;
    const back = (target: string) => answers.filter((a) => a.target === target && a.sentAt > restoredAt);
    for (const target of Object.keys(targets)) {
      const firstOk = back(target).find((a) => a.status === 200);
      expect(firstOk, target).toBeDefined();
      expect(firstOk!.sentAt - restoredAt, target).toBeLessThan(RECOVERED_WITHIN_MS);
      expect(
        back(target)
          .slice(-3)
          .map((a) => a.status),
        target,
      ).toEqual([200, 200, 200]);
    }
    expect((await fetch(`${portal.origin}/api/health`)).status).toBe(200);
  });

  test("no view is lost: every page and file served has its event, once, with its visitor", async () => {
    const { answers, cached, uncached } = outage!;
    const secret = portalEnv().AUTH_SECRET!;
    const served = (targetsOf: string[]) =>
      answers
        .filter((a) => targetsOf.includes(a.target) && a.status === 200)
        .map((a) => visitorHash(secret, "127.0.0.1", a.userAgent, a.sentAt));
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
  });

  test("the views kept through the outage are folded into the totals exactly once", async () => {
    // Every request came from a visitor of its own, so the totals are the events written.
    for (const id of [outage!.cached, outage!.uncached]) {
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
  });

  test("the log has one line per outage, not a stack per request", async () => {
    // The kept views are written once the database is back: their line comes then.
    const log = () => outage!.portal.log();
    await expect.poll(() => log().match(/\[stats\] written [\d,]+ kept views/g)?.length ?? 0).toBe(1);
    // Whole lines, so that a failure shows what each said.
    expect(log().match(/\[db\] .*/g)).toEqual([
      expect.stringMatching(/^\[db\] database unreachable: /),
      expect.stringMatching(/^\[db\] database reachable again after /),
    ]);
    expect(log().match(/\[stats\] database unreachable, /g)).toHaveLength(1);
    expect(log()).not.toMatch(/PrismaClientKnownRequestError|ECONNREFUSED\n\s+at /);
  });
});
