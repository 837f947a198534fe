import autocannon from "autocannon";

export type ScenarioResult = {
  name: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  sent: number;
  ok2xx: number;
  /** Responses whose page held `Options.marker` (a search stopped at its time limit). */
  marked?: number;
  /** What the pages showed, when `Options.items` was given: their items on average, the pages read, and those with none and with a full page. */
  itemsShown?: { mean: number; pages: number; none: number; full: number };
  /** Requests sent, by kind, when the run took a list of requests. */
  sentByKind?: Record<string, number>;
  /** The server's CPU time per request (user + system), in ms, when measured. */
  cpuMsPerRequest?: number;
  /**
   * CPU time per request sent, in ms, of the portal's processes, of this machine's PostgreSQL
   * server (null when the database is elsewhere) and of the load generator itself, when measured:
   * on two cores, these three share the machine.
   */
  cpuMsPerRequestBy?: { portal: number; database: number | null; loadGenerator: number };
  /** The server's peak memory (VmHWM) up to the end of this scenario, in MB: where the peak came from. */
  serverPeakMb?: number;
};

/** Warm-up traffic: a robot's user agent, which the counters ignore. */
export const WARM_UP_HEADERS = { "user-agent": "bench-warmup-bot/1.0" };

const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
// Readers of a shared paper: many addresses, a handful of browsers.
const BROWSERS = [
  PERSON,
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
  "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
];

/** The n-th reader: an address of its own (as the reverse proxy in front reports it) and one of the browsers. */
function reader(n: number): Record<string, string> {
  return {
    "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    "user-agent": BROWSERS[n % BROWSERS.length]!,
  };
}

type Options = {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Every request is a new person (see reader()). */
  distinctVisitors?: boolean;
  /** Paths taken in turn, one per request, instead of the one path. */
  paths?: string[];
  /** Requests taken in turn, each with its kind (counted as sent) and headers of its own. */
  requests?: { path: string; kind: string; headers?: Record<string, string> }[];
  /** Stops after this many requests, however long they take (instead of after `seconds`). */
  amount?: number;
  /** Counts the responses whose body holds this text. */
  marker?: string;
  /** Counts each page's items (each an occurrence of `marker`) and the pages holding `full` of them. */
  items?: { marker: string; full: number };
  /** Sends at most this many requests per second, over all connections (a steady load rather than the most it can). */
  rate?: number;
};

/**
 * Readers met so far in this benchmark: each run's readers are new ones, never
 * a reader of an earlier run (whose second view of a paper within the
 * counting window is rightly not counted again).
 */
let readers = 0;

/** The q-th percentile of the latencies, in ms (nearest rank). */
export function percentile(sorted: number[], q: number) {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]! * 10) / 10;
}

/** One autocannon run on loopback. Latency percentiles come from every response's own time. */
export async function drive(base: string, name: string, path: string, o: Options): Promise<ScenarioResult> {
  let n = 0;
  let marked = 0;
  const shown = { items: 0, pages: 0, none: 0, full: 0 };
  const latencies: number[] = [];
  const list: Options["requests"] = o.requests ?? o.paths?.map((p) => ({ path: p, kind: "page" }));
  const sentByKind: Record<string, number> = {};
  const setup = o.distinctVisitors || list || o.marker || o.items;
  const onResponse = (_status: number, body: string) => {
    if (o.marker && body.includes(o.marker)) marked++;
    if (!o.items) return;
    const count = body.split(o.items.marker).length - 1;
    shown.items += count;
    shown.pages++;
    if (count === 0) shown.none++;
    if (count >= o.items.full) shown.full++;
  };
  const options: autocannon.Options = {
    url: `${base}${path}`,
    connections: o.connections,
    duration: o.seconds,
    ...(o.amount ? { amount: o.amount } : {}),
    ...(o.rate ? { overallRate: o.rate } : {}),
    headers: { "user-agent": PERSON, ...o.headers },
    requests: setup
      ? [
          {
            setupRequest: (req) => {
              n++;
              const entry = list?.[(n - 1) % list.length];
              if (entry) sentByKind[entry.kind] = (sentByKind[entry.kind] ?? 0) + 1;
              const headers = { ...req.headers, ...entry?.headers };
              return {
                ...req,
                ...(entry ? { path: entry.path } : {}),
                headers: o.distinctVisitors ? { ...headers, ...reader(++readers) } : headers,
              };
            },
            ...(o.marker || o.items ? { onResponse } : {}),
          },
        ]
      : undefined,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    path,
    connections: o.connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    sent: result.requests.sent,
    ok2xx: result["2xx"],
    ...(o.marker ? { marked } : {}),
    ...(o.items && shown.pages > 0
      ? {
          itemsShown: {
            mean: Math.round((shown.items / shown.pages) * 10) / 10,
            pages: shown.pages,
            none: shown.none,
            full: shown.full,
          },
        }
      : {}),
    ...(o.requests ? { sentByKind } : {}),
  };
}

/** A short unmeasured run so caches, JIT and pools are warm before measuring. */
export async function warmUp(base: string, path: string, headers?: Record<string, string>) {
  await autocannon({ url: `${base}${path}`, connections: 10, duration: 3, headers: { "user-agent": PERSON, ...headers } });
}
