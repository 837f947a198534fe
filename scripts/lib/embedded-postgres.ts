// The embedded database for `npm start`/`npm run dev` without DATABASE_URL:
// PGlite on disk, served over the PostgreSQL wire protocol so the app code is
// the same as with a real server.
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepProtocolSequencesWhole } from "./pglite-protocol-order";

export type EmbeddedPostgres = { url: string; socket: string; stop(): Promise<void> };

function pidAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite takes no lock of its own: two processes on one directory would silently diverge. */
export function acquireLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && pidAlive(owner)) {
        throw new Error(
          `The data directory ${path.dirname(lockPath)} is in use by another Perspectives process (pid ${owner}). Stop it first, or set DATA_DIR to another directory.`,
        );
      }
      rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${lockPath}.`);
}

// The name PostgreSQL clients look for in a socket folder (pg: host=<folder>, default port).
const SOCKET_NAME = ".s.PGSQL.5432";
// A Unix socket path must fit in sockaddr_un.sun_path (108 bytes on Linux, 104 on macOS, with its NUL).
const MAX_SOCKET_PATH_BYTES = 103;

/**
 * The database accepts no password, so who may connect is decided by the
 * kernel: a Unix socket in a folder only this user may enter. The folder is
 * DATA_DIR/run, or a private temporary one when that path is too long for a
 * socket.
 */
function socketFolder(dataDir: string): { folder: string; temporary: boolean } {
  const preferred = path.resolve(dataDir, "run"); // a relative host would be read as a host name
  if (Buffer.byteLength(path.join(preferred, SOCKET_NAME)) <= MAX_SOCKET_PATH_BYTES) {
    mkdirSync(preferred, { recursive: true, mode: 0o700 });
    chmodSync(preferred, 0o700); // a folder left with other rights; fails unless this user owns it
    return { folder: preferred, temporary: false };
  }
  return { folder: mkdtempSync(path.join(os.tmpdir(), "perspectives-db-")), temporary: true };
}

/** The URL the app, Prisma's pg adapter and the migration script connect with: `host` names the socket folder. */
function socketUrl(folder: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(folder)}`;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(path.join(dataDir, "pglite.lock"));
  let db: PGlite | undefined;
  let made: { folder: string; temporary: boolean } | undefined;
  const cleanUp = () => {
    if (made?.temporary) rmSync(made.folder, { recursive: true, force: true });
    else if (made) rmSync(path.join(made.folder, SOCKET_NAME), { force: true });
    release();
  };
  try {
    // pg_trgm backs the catalogue search indexes (see the search_trigram_indexes migration).
    db = await PGlite.create({ dataDir: path.join(dataDir, "pglite"), extensions: { pg_trgm } });
    made = socketFolder(dataDir);
    const socket = path.join(made.folder, SOCKET_NAME);
    rmSync(socket, { force: true }); // left by a process that died: the lock says none lives
    // Above the app's pool size: pglite-socket refuses connections past this.
    const server = new PGLiteSocketServer({ db, path: socket, maxConnections: 64 });
    // Several connections at once (two readers, the search indexer) must not interleave their queries.
    keepProtocolSequencesWhole(server);
    await server.start();
    chmodSync(socket, 0o600);
    const database = db;
    return {
      url: socketUrl(made.folder),
      socket,
      async stop() {
        await server.stop();
        await database.close();
        cleanUp();
      },
    };
  } catch (e) {
    await db?.close().catch(() => undefined);
    cleanUp();
    throw e;
  }
}
