// The launcher's first connection to PostgreSQL. In a container or a boot
// sequence the database often comes up a few seconds after the portal, so a
// refused connection is retried for DATABASE_WAIT_S seconds; a wrong password
// or a missing database is not something waiting can fix.
import pg from "pg";

/** Where the URL points, for messages: host:port/database, never the user or password. */
export function databaseAddress(url: string): string {
  try {
    const u = new URL(url);
    // `?host=/folder` is a Unix socket folder (the embedded database), which wins over the host name.
    return `${u.searchParams.get("host") ?? `${u.hostname}:${u.port || 5432}`}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

type Failure = { code: string; message: string; retry: boolean };

// SQLSTATEs a server sends while it cannot take connections yet: starting up,
// shutting down (a restart), or full.
const NOT_YET = new Set(["57P01", "57P02", "57P03", "53300"]);

function describe(e: unknown): Failure {
  const error = e as Error & { code?: string; errors?: { code?: string; message?: string }[] };
  // Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as one AggregateError.
  const code = error.code ?? error.errors?.[0]?.code ?? "";
  const message = error.message || error.errors?.[0]?.message || code || String(e);
  // A SQLSTATE is five characters; anything else (ECONNREFUSED, ENOTFOUND, a dropped
  // or timed-out connection) happened before a server answered.
  const sqlState = /^[0-9A-Z]{5}$/.test(code) && !code.startsWith("E");
  return { code: code || "no answer", message, retry: sqlState ? NOT_YET.has(code) : true };
}

async function tryConnect(url: string, timeoutMs: number): Promise<Failure | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A connection dropped after connecting would otherwise be an unhandled 'error'.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (e) {
    return describe(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once PostgreSQL at `url` answers a query. While it refuses or does
 * not answer, retries with a growing pause (up to 2 s) for `seconds`, logging
 * one line when it starts waiting; then fails with one line a person can act on.
 */
export async function waitForDatabase(url: string, opts: { seconds: number; log: (m: string) => void }): Promise<void> {
  const where = databaseAddress(url);
  const started = Date.now();
  const deadline = started + opts.seconds * 1000;
  let pause = 250;
  let waiting = false;
  for (;;) {
    const failure = await tryConnect(url, Math.min(5000, Math.max(1000, deadline - Date.now())));
    if (!failure) {
      if (waiting) opts.log(`PostgreSQL at ${where} answers, after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return;
    }
    if (!failure.retry || Date.now() + pause > deadline) {
      const waited = waiting ? ` (waited ${opts.seconds} s: DATABASE_WAIT_S)` : "";
      throw new Error(`Cannot connect to PostgreSQL at ${where}${waited}: ${failure.message}`);
    }
    if (!waiting) {
      opts.log(`Waiting up to ${opts.seconds} s for PostgreSQL at ${where} (${failure.code}) …`);
      waiting = true;
    }
    await sleep(pause);
    pause = Math.min(pause * 2, 2000);
  }
}
