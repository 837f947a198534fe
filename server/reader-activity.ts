/**
 * Readers' requests being answered, and how long since the last one was: the
 * server stores papers' pages ahead of readers only when neither is recent
 * (server/stored-pages.ts). Waiting only for no reader in flight was not
 * enough: readers asking back to back (one search after another) left a gap
 * of a fraction of a millisecond between requests, storing ahead rendered a
 * page in each, and the next reader waited for it. At 100,000 papers, whose
 * pages take hours to store, the benchmark's searches one at a time had a p95
 * of 167-189 ms that way and 108-144 ms with a quiet time (README Performance).
 * A server never quiet that long still stores each paper's page when a reader
 * first asks for it (stored-pages.ts: keepAfter).
 */
export type ReaderActivity = {
  /** A reader's request has arrived. */
  begin(): void;
  /** That request has been answered (or its connection closed). */
  end(): void;
  /** A reader is being answered, or one was less than `quietMs` ago. */
  busy(quietMs: number): boolean;
};

export function readerActivity(now: () => number = () => performance.now()): ReaderActivity {
  let inFlight = 0;
  let lastEnded = Number.NEGATIVE_INFINITY;
  return {
    begin() {
      inFlight++;
    },
    end() {
      inFlight--;
      lastEnded = now();
    },
    busy(quietMs) {
      return inFlight > 0 || now() - lastEnded < quietMs;
    },
  };
}
