// The embedded database for `npm start`/`npm run dev` without DATABASE_URL:
// PGlite on disk, served over the PostgreSQL wire protocol so the app code is
// the same as with a real server.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const release = acquireLock(path.join(dataDir, "pglite.lock"));
  try {
    // pg_trgm backs the catalogue search indexes (see the search_trigram_indexes migration).
    const db = await PGlite.create({ dataDir: path.join(dataDir, "pglite"), extensions: { pg_trgm } });
    const port = await freePort();
    // Above the app's pool size: pglite-socket refuses connections past this.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
    await server.start();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
