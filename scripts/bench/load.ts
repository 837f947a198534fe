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
};

const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

type Options = {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Every request is a new person (its own user agent). */
  distinctVisitors?: boolean;
  /** Paths taken in turn, one per request, instead of the one path. */
  paths?: string[];
};

/** The q-th percentile of the latencies, in ms (nearest rank). */
function percentile(sorted: number[], q: number) {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]! * 10) / 10;
}

/** One autocannon run on loopback. Latency percentiles come from every response's own time. */
export async function drive(base: string, name: string, path: string, o: Options): Promise<ScenarioResult> {
  let n = 0;
  const latencies: number[] = [];
  const setup = o.distinctVisitors || o.paths;
  const options: autocannon.Options = {
    url: `${base}${path}`,
    connections: o.connections,
    duration: o.seconds,
    headers: { "user-agent": PERSON, ...o.headers },
    requests: setup
      ? [
          {
            setupRequest: (req) => {
              n++;
              return {
                ...req,
                ...(o.paths ? { path: o.paths[(n - 1) % o.paths.length] } : {}),
                headers: o.distinctVisitors ? { ...req.headers, "user-agent": `${PERSON} bench/${n}` } : req.headers,
              };
            },
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
  };
}

/** A short unmeasured run so caches, JIT and pools are warm before measuring. */
export async function warmUp(base: string, path: string, headers?: Record<string, string>) {
  await autocannon({ url: `${base}${path}`, connections: 10, duration: 3, headers: { "user-agent": PERSON, ...headers } });
}
