import "server-only";
import pg from "pg";
import { noteDatabaseError, noteDatabaseReachable, reachabilityMark, setDatabaseProbe } from "./db-outage";
import { outsideRequests } from "./process/outside-requests";

/**
 * pg's client, telling lib/db-outage.ts whether the database could be reached:
 * at the moment a connection fails or is cut, before the error travels up to
 * the page that asked (which is then answered 503, not 500), and when one
 * succeeds again. A connection outlives the request that opened it, so it
 * is opened outside that request's context (lib/process/outside-requests.ts).
 */
class WatchedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection cut while in use (the server went away mid-query) reports
    // here; with no listener, that 'error' event would end the process.
    this.on("error", (e) => void noteDatabaseError(e));
  }

  override connect(): Promise<pg.Client>;
  override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
  override connect(callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): Promise<pg.Client> | void {
    // A connection begun before an outage and finished after it began proves nothing of the database
    // now; nor does one begun during an outage and refused after it ended.
    const mark = reachabilityMark();
    if (!callback) {
      return outsideRequests(() => super.connect()).then(
        (client) => {
          noteDatabaseReachable(mark);
          return client;
        },
        (e: Error) => {
          noteDatabaseError(e, { mark });
          throw e;
        },
      );
    }
    const done = callback as (err: Error | null, c?: pg.Client) => void;
    outsideRequests(() =>
      super.connect((err: Error | null, c?: pg.Client) => {
        if (err) noteDatabaseError(err, { mark });
        else noteDatabaseReachable(mark);
        done(err, c);
      }),
    );
  }
}

/** A pg pool whose connections report the database's reachability (see lib/db-outage.ts). */
export function watchedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, Client: WatchedClient });
  // An idle connection cut by the server: noted by its client; the pool must not crash on it either.
  pool.on("error", () => undefined);
  setDatabaseProbe(() => pool.query("SELECT 1"));
  return pool;
}
