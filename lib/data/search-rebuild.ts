import "server-only";
import type pg from "pg";
import { db, pool } from "@/lib/db";
import { LIVE_TABLES, readPaperTexts, REBUILD_TABLES, writeSearchDocuments } from "@/lib/data/search-documents";
import { vacuumSearchQueue } from "@/lib/data/search-index";

/**
 * A full rebuild of the search index (`npm run search:reindex`) fills tables
 * of its own and builds their indexes once at the end, then puts them in the
 * live tables' place. The live indexes are written in place, paper by paper
 * (migration 20261130041500): right for an edit, but a whole catalogue
 * written that way took 19 to 31 minutes for 10,000 real-size papers on the
 * bench machine, where filling a table without indexes took 5 and building
 * its indexes 9.
 * Searches keep using the live tables until the swap, which takes a moment.
 * Both the search table and SearchScoring are made anew, so that both end as
 * compact as a catalogue indexed from scratch: SearchScoring written again in
 * place ended twice its size (8,234 pages against 4,301 at 30,000 papers).
 */
const TABLES = (["documents", "scoring"] as const).map((k) => ({ live: LIVE_TABLES[k], rebuild: REBUILD_TABLES[k] }));
type Table = (typeof TABLES)[number];
/** Papers read and written per statement. */
const BATCH = 50;
/** Two lanes: while one tokenizes a batch here, the database writes the other's, so both cores work. */
const LANES = 2;
/** Indexes built at once, each on a connection of its own: each build uses one core. */
const INDEX_LANES = 2;
/**
 * Memory for building each index: GIN sorts its entries in memory, and each
 * time this fills it merges what it has into the index. More is not faster:
 * at 10,000 benchmark papers the body's index took 217 s with this and 293 s
 * with 1 GB (one build each, 2026-12-05).
 */
const INDEX_BUILD_MEMORY = "256MB";
/** Papers edited within this of the rebuild's start may have been read before their edit (clocks of two transactions). */
const EDIT_MARGIN = "1 minute";

export type RebuildReport = { papers: number; fillSeconds: number; indexSeconds: number };

export type RebuildProgress = {
  /** Papers written so far, of all. */
  papers?: (done: number, total: number) => void;
  /** A step begins ("Building the indexes"); the rebuild goes on when what this returns has settled. */
  step?: (what: string) => void | Promise<void>;
  /** How far the indexes have got, 0 to 1, every couple of seconds: the longest one takes minutes. */
  indexShare?: (share: number) => void;
  /** Stops the rebuild (Ctrl-C) before it puts its table in place: the live index stays as it was. */
  signal?: AbortSignal;
};

/** What a stopped rebuild rejects with. */
export class RebuildInterrupted extends Error {
  constructor() {
    super("Interrupted: the search index is as it was before the rebuild; run it again to rebuild.");
  }
}

type Index = { name: string; def: string; size: number };

/** Everything a live table is built with: its indexes, its constraints (the key, the paper it belongs to) and its storage parameters. */
type Shape = {
  /** `size`: the live index's, in bytes, to build the largest first. */
  indexes: Index[];
  constraints: { name: string; kind: string; def: string }[];
  /** Such as `toast_tuple_target=128` (migration 20261207120000), which keeps its rows narrow. */
  options: string[];
};

/** The session lock that makes one rebuild at a time per database. */
const LOCK_KEY = "hashtext('perspectives.search-rebuild')";
/** How often an index build's progress is asked for. */
const INDEX_PROGRESS_EVERY_MS = 2000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** The name a live index or constraint has on the rebuild's table until the swap. */
const temporaryName = (table: Table, k: number) => `${table.rebuild}_${k}`;

async function liveShape(client: pg.PoolClient, table: Table): Promise<Shape> {
  const live = `'${quote(table.live)}'::regclass`;
  const { rows: constraints } = await client.query<{ name: string; kind: string; def: string; index: string | null }>(
    `SELECT conname AS name, contype AS kind, pg_get_constraintdef(c.oid) AS def, i.relname AS index
     FROM pg_constraint c LEFT JOIN pg_class i ON i.oid = c.conindid
     WHERE c.conrelid = ${live} AND c.contype <> 'n' ORDER BY conname`,
  );
  const backing = new Set(constraints.flatMap((c) => (c.index ? [c.index] : [])));
  const { rows: indexes } = await client.query<{ name: string; def: string; size: number }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def, pg_relation_size(i.oid)::float8 AS size FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = ${live} ORDER BY i.relname`,
  );
  const { rows: reloptions } = await client.query<{ options: string[] | null }>(
    `SELECT reloptions AS options FROM pg_class WHERE oid = ${live}`,
  );
  return { indexes: indexes.filter((i) => !backing.has(i.name)), constraints, options: reloptions[0]?.options ?? [] };
}

/**
 * Builds the live tables' indexes on the rebuild's tables, INDEX_LANES at a
 * time on connections of their own, the largest first (PostgreSQL builds a GIN
 * index on one core, and the body's takes most of the time), and returns the
 * statements that give them their live names. A stop, or one build failing,
 * cancels the builds under way; this settles only when none runs, so that the
 * rebuild's tables can be dropped at once.
 */
async function buildIndexes(
  indexes: (Index & { table: Table })[],
  progress: RebuildProgress,
  stopIfAsked: () => void,
): Promise<string[]> {
  const waiting = indexes.map((index, k) => ({ ...index, k })).sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  /** The connections building an index right now, by backend pid. */
  const building = new Set<number>();
  let finished = 0;
  let failed = false;
  const cancel = () => {
    for (const pid of building) void db.$queryRaw`SELECT pg_cancel_backend(${pid})`.catch(() => undefined);
  };
  const lane = async () => {
    const connection = await pool().connect();
    let broken = false;
    try {
      await connection.query(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
      const { rows } = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const pid = rows[0]!.pid;
      for (let index = waiting.shift(); index && !failed; index = waiting.shift()) {
        await progress.step?.(`Building index ${index.k + 1} of ${indexes.length} (${index.name})`);
        stopIfAsked();
        // A build takes minutes and does not look at its client meanwhile: a stop cancels it.
        building.add(pid);
        try {
          await connection.query(onRebuildTable(index.def, index.table, temporaryName(index.table, index.k)));
        } finally {
          building.delete(pid);
        }
        finished++;
      }
      await connection.query("RESET maintenance_work_mem");
    } catch (e) {
      // A connection that failed mid-statement is closed, not handed to the next caller.
      broken = true;
      failed = true;
      cancel();
      throw e;
    } finally {
      connection.release(broken);
    }
  };
  progress.signal?.addEventListener("abort", cancel);
  const stopReporting = reportIndexProgress(indexes.length, building, () => finished, progress.indexShare);
  try {
    const lanes = await Promise.allSettled(Array.from({ length: Math.min(INDEX_LANES, indexes.length) }, lane));
    const failure = lanes.find((l) => l.status === "rejected");
    if (failure) throw failure.reason;
  } finally {
    stopReporting();
    progress.signal?.removeEventListener("abort", cancel);
  }
  return indexes.map((index, k) => `ALTER INDEX ${quote(temporaryName(index.table, k))} RENAME TO ${quote(index.name)}`);
}

/**
 * Every couple of seconds, how much of the indexes is built: those finished,
 * and the share of the table each build under way has read (PostgreSQL's own
 * progress view, asked on another connection). Where nothing answers while a
 * build runs (the embedded database runs one statement at a time), nothing is
 * reported. Returns what stops it.
 */
function reportIndexProgress(
  total: number,
  building: ReadonlySet<number>,
  finished: () => number,
  report: ((share: number) => void) | undefined,
): () => void {
  if (!report) return () => undefined;
  let asking = false;
  const ask = () => {
    if (asking || building.size === 0) return;
    asking = true;
    db.$queryRaw<{ share: number }[]>`
      SELECT coalesce(sum(CASE WHEN blocks_total > 0 THEN blocks_done::float8 / blocks_total ELSE 0 END), 0) AS share
      FROM pg_stat_progress_create_index WHERE pid = ANY(${[...building]}::int[])`
      .then(([row]) => report(Math.min(1, (finished() + (row?.share ?? 0)) / total)))
      .catch(() => undefined)
      .finally(() => (asking = false));
  };
  const timer = setInterval(ask, INDEX_PROGRESS_EVERY_MS);
  return () => clearInterval(timer);
}

/** Drops the rebuild's tables, each on its own: a session holding one (as a test does) shows which. */
async function dropRebuildTables(client: pg.PoolClient) {
  for (const table of TABLES) await client.query(`DROP TABLE IF EXISTS ${quote(table.rebuild)}`);
}

/** The live index's definition, made for the rebuild's table under a temporary name. */
function onRebuildTable(def: string, table: Table, name: string): string {
  const made = def.replace(
    /^CREATE (UNIQUE )?INDEX \S+ ON \S+ /,
    (_m, unique?: string) => `CREATE ${unique ?? ""}INDEX ${quote(name)} ON ${quote(table.rebuild)} `,
  );
  if (made === def) throw new Error(`Unexpected index definition on ${table.live}: ${def}`);
  return made;
}

/**
 * Rebuilds every paper's search document. Safe while the portal runs:
 * searches use the live tables meanwhile, and a paper edited during the
 * rebuild is queued again and indexed by the running portal. One rebuild at a
 * time per database.
 */
export async function rebuildSearchIndex(progress: RebuildProgress = {}): Promise<RebuildReport> {
  const client = await pool().connect();
  let taken: number[] = [];
  let swapped = false;
  let failed = false;
  let locked = false;
  try {
    const { rows: lock } = await client.query<{ got: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS got`);
    locked = lock[0]?.got === true;
    if (!locked) throw new Error("Another search index rebuild is running against this database; wait for it to finish.");
    const shapes: { table: Table; shape: Shape }[] = [];
    for (const table of TABLES) shapes.push({ table, shape: await liveShape(client, table) });
    // What an interrupted rebuild left is started over.
    await dropRebuildTables(client);
    for (const { table, shape } of shapes) {
      // Its columns stored as the live table's (the search table's vectors out of the row).
      const options = shape.options.length > 0 ? ` WITH (${shape.options.join(", ")})` : "";
      await client.query(
        `CREATE TABLE ${quote(table.rebuild)} (LIKE ${quote(table.live)} INCLUDING DEFAULTS INCLUDING STORAGE)${options}`,
      );
    }

    // Every paper is read after this point, so what is queued now is done by the rebuild; a paper
    // an indexer is working on right now (its queue row locked) is left to it.
    await client.query("BEGIN");
    const { rows: began } = await client.query<{ at: Date }>("SELECT now() AS at");
    const { rows: dequeued } = await client.query<{ id: number }>(
      `DELETE FROM "SearchQueue" WHERE "publicationId" IN
         (SELECT "publicationId" FROM "SearchQueue" FOR UPDATE SKIP LOCKED) RETURNING "publicationId" AS id`,
    );
    await client.query("COMMIT");
    taken = dequeued.map((r) => r.id);
    const startedAt = began[0]!.at;

    const fillStarted = Date.now();
    const ids = (await db.$queryRaw<{ id: number }[]>`SELECT id FROM "Publication" ORDER BY id`).map((r) => r.id);
    let next = 0;
    let done = 0;
    const stopIfAsked = () => {
      if (progress.signal?.aborted) throw new RebuildInterrupted();
    };
    const lane = async () => {
      while (next < ids.length) {
        stopIfAsked();
        const batch = ids.slice(next, (next += BATCH));
        // A paper deleted since is simply not read.
        await writeSearchDocuments(db, REBUILD_TABLES, await readPaperTexts(db, batch));
        done += batch.length;
        progress.papers?.(done, ids.length);
      }
    };
    progress.papers?.(0, ids.length);
    await Promise.all(Array.from({ length: LANES }, lane));
    const fillSeconds = (Date.now() - fillStarted) / 1000;

    await progress.step?.("Building the indexes");
    const indexStarted = Date.now();
    const indexes = shapes.flatMap(({ table, shape }) => shape.indexes.map((index) => ({ ...index, table })));
    const renames = await buildIndexes(indexes, progress, stopIfAsked);
    let k = indexes.length;
    // The key (and any other check) now; the link to the paper in the swap, after papers deleted meanwhile are dropped.
    const links: string[] = [];
    for (const { table, shape } of shapes) {
      for (const c of shape.constraints) {
        if (c.kind === "f") {
          links.push(`ALTER TABLE ${quote(table.live)} ADD CONSTRAINT ${quote(c.name)} ${c.def}`);
          continue;
        }
        const name = temporaryName(table, k++);
        await client.query(`ALTER TABLE ${quote(table.rebuild)} ADD CONSTRAINT ${quote(name)} ${c.def}`);
        renames.push(`ALTER TABLE ${quote(table.live)} RENAME CONSTRAINT ${quote(name)} TO ${quote(c.name)}`);
      }
      await client.query(`ANALYZE ${quote(table.rebuild)}`);
    }
    const indexSeconds = (Date.now() - indexStarted) / 1000;
    // The last moment to stop: the swap that follows is short, and is not interrupted.
    stopIfAsked();

    await progress.step?.("Putting the new index in place");
    await client.query("BEGIN");
    try {
      // Papers first, as a delete does (it then cascades to the search tables): no circle of waits.
      await client.query(`LOCK TABLE "Publication" IN SHARE ROW EXCLUSIVE MODE`);
      await client.query(`LOCK TABLE ${TABLES.map((t) => quote(t.live)).join(", ")} IN ACCESS EXCLUSIVE MODE`);
      // Indexed live since the rebuild began: edited after the rebuild may have read them, so done again.
      await client.query(
        `INSERT INTO "SearchQueue" ("publicationId") SELECT "publicationId" FROM "SearchDocument"
         WHERE "indexedAt" >= $1::timestamptz - interval '${EDIT_MARGIN}' ON CONFLICT ("publicationId") DO NOTHING`,
        [startedAt],
      );
      for (const table of TABLES) {
        await client.query(
          `DELETE FROM ${quote(table.rebuild)} r WHERE NOT EXISTS (SELECT 1 FROM "Publication" p WHERE p.id = r."publicationId")`,
        );
        await client.query(`DROP TABLE ${quote(table.live)}`);
        await client.query(`ALTER TABLE ${quote(table.rebuild)} RENAME TO ${quote(table.live)}`);
      }
      for (const statement of [...renames, ...links]) await client.query(statement);
      await client.query("COMMIT");
      swapped = true;
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    }
    // The queue this rebuild emptied at its start holds those rows dead until a vacuum.
    await vacuumSearchQueue();
    return { papers: done, fillSeconds, indexSeconds };
  } catch (e) {
    failed = true;
    // Nothing here is this rebuild's to clean up unless it got the lock: the tables are the running one's.
    if (!locked) throw e;
    // The papers this rebuild took off the queue go back on it, for the running portal to index.
    if (!swapped && taken.length > 0)
      await client
        .query(
          `INSERT INTO "SearchQueue" ("publicationId") SELECT id FROM "Publication" WHERE id = ANY($1::int[])
           ON CONFLICT DO NOTHING`,
          [taken],
        )
        .catch(() => undefined);
    await dropRebuildTables(client).catch(() => undefined);
    // A statement the stop cancelled fails with PostgreSQL's own words: what happened is the stop.
    throw progress.signal?.aborted ? new RebuildInterrupted() : e;
  } finally {
    if (locked) await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    // A connection that failed mid-transaction is closed, not handed to the next caller.
    client.release(failed);
  }
}
