// A few readers requesting pages and files at once, each request from a
// browser of its own (a distinct, ordinary Chrome user agent, so each view is
// a visitor of its own and its event can be found), every answer noted.
import { chromeOnLinux } from "./user-agents";

export type Answer = {
  target: string;
  url: string;
  userAgent: string;
  status: number;
  retryAfter: string | null;
  /** Next's cache verdict (HIT, STALE, MISS), so a failure shows where the answer came from. */
  nextCache: string | null;
  sentAt: number;
  receivedAt: number;
};

export type ReaderLoad = {
  /** The answers so far. */
  answers: () => readonly Answer[];
  /** Stops the readers and returns every answer they got. */
  stop: () => Promise<Answer[]>;
};

/**
 * `readers` loops, each requesting the next of `targets()` (read anew before
 * every request, so a test can add targets as it goes) and pausing `pauseMs`.
 * A request that gets no answer in 15 s counts as status 0.
 */
export function startReaderLoad(
  origin: string,
  targets: () => Record<string, string>,
  { readers = 3, pauseMs = 20 } = {},
): ReaderLoad {
  const answers: Answer[] = [];
  let running = true;
  let sent = 0;
  const reader = async (offset: number) => {
    for (let turn = offset; running; turn++) {
      const entries = Object.entries(targets());
      const [target, url] = entries[turn % entries.length]!;
      const userAgent = chromeOnLinux(sent++);
      const sentAt = Date.now();
      const answer = await fetch(origin + url, {
        headers: { "user-agent": userAgent },
        signal: AbortSignal.timeout(15_000),
      }).then(
        async (r) => {
          await r.arrayBuffer();
          return { status: r.status, retryAfter: r.headers.get("retry-after"), nextCache: r.headers.get("x-nextjs-cache") };
        },
        () => ({ status: 0, retryAfter: null, nextCache: null }),
      );
      answers.push({ target, url, userAgent, ...answer, sentAt, receivedAt: Date.now() });
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const all = Promise.all(Array.from({ length: readers }, (_, i) => reader(i)));
  return {
    answers: () => answers,
    stop: async () => {
      running = false;
      await all;
      return answers;
    },
  };
}
