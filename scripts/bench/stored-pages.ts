// The benchmark measures a portal that has run for a while: every paper's
// page in its own language stored ahead of its readers (server/stored-pages.ts).
// The server stores them while no reader is being answered; this waits until
// it has, and says how long that took.
import { statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const POLL_MS = 5_000;
const GIVE_UP_MS = 90 * 60_000;

/**
 * When the server's build was made. A page stored before it was rendered by an
 * earlier build, which this one does not answer from (server/stored-pages.ts)
 * and renders again: counted as stored, a run on a reused catalogue after a new
 * build was measured while both servers rendered every page anew. (The build's
 * time is this machine's clock, a page's the database's: one machine here.)
 */
function buildTime(): Date {
  return statSync(path.join(process.cwd(), ".next", "BUILD_ID")).mtime;
}

/** How many of the generated papers' own-language pages this build has stored. */
async function storedOwnLanguagePages(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "StoredPage" s JOIN "Publication" p ON p.id = s."publicationId"
       WHERE p.id > 1000000 AND s.locale = p.language AND s."storedAt" > $1`,
      [buildTime()],
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Waits until the `size` generated papers' pages are stored; returns the seconds it took. */
export async function waitForStoredPages(url: string, size: number, log: (m: string) => void): Promise<number> {
  const started = Date.now();
  let lastLog = 0;
  for (;;) {
    const stored = await storedOwnLanguagePages(url);
    if (stored >= size) return Math.round((Date.now() - started) / 1000);
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`Only ${stored} of ${size} papers' pages were stored in time.`);
    if (Date.now() - lastLog > 30_000) {
      log(`Papers' pages stored ahead of readers: ${stored} of ${size}`);
      lastLog = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
