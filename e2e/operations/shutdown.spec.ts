// `npm start` stopped the way a container is stopped: SIGTERM to the top
// process (npm) alone. Nothing may outlive it (an orphaned server keeps the
// port, and the next start fails), requests being answered are finished, and
// the views they counted are in the database.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { chromeOnLinux, ROBOT } from "../support/user-agents";
import { freePort, gone, healthy, listening, npmStart, readAlone, scratchDatabase, type NpmStart } from "./support/npm-start";

type Db = Awaited<ReturnType<typeof scratchDatabase>>;

/** A published paper in the scratch database (DEMO_DATA=false leaves it empty). */
async function createPaper(db: Db) {
  const [series] = await db.query<{ id: number }>(
    `insert into "Series" (slug, "nameKo", "nameEn", "reportPrefix", "updatedAt")
     values ('shutdown-test', '종료 시험', 'Shutdown test', 'SHUTDOWN', now()) returning id`,
  );
  const [paper] = await db.query<{ id: number }>(
    `insert into "Publication" ("seriesId", "reportNumber", language, title, summary, body, status, "publishedAt", "updatedAt")
     values ($1, '2025-1E', 'en', 'Views survive a stop', 'A paper read just before the portal stops.', '## Findings', 'published', now(), now())
     returning id`,
    [series!.id],
  );
  return paper!.id;
}

/** An attachment of `bytes` bytes on the paper, its file written where the portal stores files. */
async function createAttachment(db: Db, storageDir: string, publicationId: number, bytes: number) {
  const content = Buffer.alloc(bytes, "%");
  const storageKey = `attachments/e2/shutdown-${randomBytes(8).toString("hex")}`;
  await mkdir(path.dirname(path.join(storageDir, storageKey)), { recursive: true });
  await writeFile(path.join(storageDir, storageKey), content);
  const [row] = await db.query<{ id: number }>(
    `insert into "Attachment" ("publicationId", "fileName", "byteSize", sha256, "mediaType", "storageKey")
     values ($1, 'large.pdf', $2, $3, 'application/pdf', $4) returning id`,
    [publicationId, bytes, createHash("sha256").update(content).digest("hex"), storageKey],
  );
  return { id: row!.id, bytes };
}

/** A download whose body is not read until `readRest` is called; resolves once the headers arrived. */
function startDownload(url: string, userAgent: string) {
  return new Promise<{ status: number; readRest: () => Promise<number> }>((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { "user-agent": userAgent } }, (res) => {
        res.pause();
        const readRest = () =>
          new Promise<number>((done, fail) => {
            let received = 0;
            res.on("data", (chunk: Buffer) => (received += chunk.length));
            res.on("end", () => done(received));
            res.on("error", fail);
            res.resume();
          });
        resolve({ status: res.statusCode ?? 0, readRest });
      })
      .on("error", reject);
  });
}

async function viewCount(db: Db, publicationId: number) {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from "UsageEvent" where "publicationId" = $1 and kind = 'view'`,
    [publicationId],
  );
  return row!.n;
}

test.describe("npm start, stopped by SIGTERM to npm alone", () => {
  let db: Db;
  const started: NpmStart[] = [];
  test.beforeEach(async () => {
    // Each test starts whole portals (`npm start`, its launcher build included), one after another.
    test.slow();
    db = await scratchDatabase("perspectives_e2e_shutdown");
  });
  test.afterEach(async () => {
    for (const portal of started.splice(0)) portal.kill();
    await db.drop();
  });

  /** `npm start` on the port, answering its health check; killed after the test whatever happens. */
  async function startPortal(port: number, settings: Record<string, string> = {}) {
    const portal = npmStart(port, { DATABASE_URL: db.url, ...settings });
    started.push(portal);
    await healthy(portal);
    return portal;
  }

  test("a download in progress when npm is stopped is sent to the end", async () => {
    // Arrange: a portal on a port of its own, a paper, and a file too large to sit in the sockets' buffers.
    const port = await freePort();
    const portal = await startPortal(port, { PAGE_CACHE_MB: "0" });
    const paper = await createPaper(db);
    const file = await createAttachment(db, portal.storageDir, paper, 64 * 1024 * 1024);
    // A reader starts the download and reads nothing more for now: the server is in the middle of sending it.
    const download = await startDownload(`${portal.origin}/en/publications/${paper}/files/${file.id}`, chromeOnLinux(1));
    expect(download.status).toBe(200);

    // Act: stop npm start as `docker stop` does, wait until the server no longer accepts connections, then read on.
    process.kill(portal.pid, "SIGTERM");
    await expect.poll(() => listening(port), { timeout: 10_000 }).toBe(false);
    const received = await download.readRest();

    // Assert: the whole file arrived, and npm exited cleanly.
    expect(received).toBe(file.bytes);
    expect(await portal.exited).toEqual({ code: 0, signal: null });
  });

  test("stopped, it stores the views, leaves no process behind, and starts again on the same port", async () => {
    // Arrange: a portal on a port of its own, and a paper five people read.
    const port = await freePort();
    const first = await startPortal(port, { PAGE_CACHE_MB: "0" });
    const paper = await createPaper(db);
    const page = `${first.origin}/en/publications/${paper}`;
    for (const reader of [1, 2, 3, 4, 5]) expect((await readAlone(page, chromeOnLinux(reader))).status).toBe(200);

    // Act: stop npm start as `docker stop` does; then start it again on the same port.
    process.kill(first.pid, "SIGTERM");
    const exited = await first.exited;
    await gone(first, 5_000);
    const second = await startPortal(port, { PAGE_CACHE_MB: "0" });

    // Assert: npm exited cleanly, nothing of the first portal is left, its views are stored, and the second serves.
    expect(exited).toEqual({ code: 0, signal: null });
    expect(first.alive(), `processes of npm start left running:\n${first.output()}`).toBe(false);
    expect(first.output()).not.toContain("did not stop");
    expect(await viewCount(db, paper)).toBe(5);
    expect((await readAlone(page, chromeOnLinux(6))).status).toBe(200);
    process.kill(second.pid, "SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  test("views counted just before the stop are written before the server exits", async () => {
    // Arrange: a paper hot enough to be answered from the server's copy (server/page-cache.ts), in a millisecond.
    const portal = await startPortal(await freePort());
    const paper = await createPaper(db);
    const page = `${portal.origin}/en/publications/${paper}`;
    const robot = { "user-agent": ROBOT }; // warms the copy, not counted
    await expect
      .poll(async () => (await fetch(page, { headers: robot })).headers.get("x-perspectives-cache"), { timeout: 30_000 })
      .toBe("hit");

    // Act: five readers, then the stop at once, well before the counter's own 200 ms write (lib/stats/record.ts).
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(async (reader) => {
        const r = await fetch(page, { headers: { "user-agent": chromeOnLinux(reader) } });
        await r.arrayBuffer();
        return r.headers.get("x-perspectives-cache");
      }),
    );
    process.kill(portal.pid, "SIGTERM");

    // Assert
    expect(answers).toEqual(["hit", "hit", "hit", "hit", "hit"]);
    expect(await portal.exited).toEqual({ code: 0, signal: null });
    expect(await viewCount(db, paper)).toBe(5);
  });

  test("with its own database, npm start leaves one process beside npm: the server, heap bound and memory arenas included", async () => {
    const port = await freePort();
    const portal = await startPortal(port);

    // npm's one child: the launcher, whose process became the server's once the database was prepared.
    const children = (pid: number) =>
      execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean)
        .map(Number);
    const [server, ...others] = children(portal.pid);
    expect(others).toEqual([]);
    expect(() => children(server!)).toThrow(); // pgrep exits 1: no child at all
    const commandLine = readFileSync(`/proc/${server}/cmdline`, "utf8").split("\0");
    expect(commandLine).toContain("--max-old-space-size=224");
    expect(commandLine).toContain("--max-semi-space-size=8");
    expect(commandLine.at(-2)).toMatch(/launcher\.mjs$/);
    // Started with the C library's arenas bounded (scripts/lib/server-command.ts), unless the operator set them.
    const environment = readFileSync(`/proc/${server}/environ`, "utf8").split("\0");
    expect(environment).toContain(
      process.env.MALLOC_ARENA_MAX ? `MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}` : "MALLOC_ARENA_MAX=2",
    );
    expect(await listening(port)).toBe(true);
  });

  test("a server whose npm is killed outright notices, stops and frees the port", async () => {
    const port = await freePort();
    const portal = await startPortal(port);
    // SIGKILL cannot be passed on: npm dies and the server, its child, is orphaned.
    process.kill(portal.pid, "SIGKILL");

    await gone(portal, 10_000);
    expect(portal.alive(), `processes of npm start left running:\n${portal.output()}`).toBe(false);
    expect(await listening(port)).toBe(false);
  });
});
