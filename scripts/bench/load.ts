import autocannon from "autocannon";

export type ScenarioResult = {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  sent: number;
  ok2xx: number;
};

const PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

type Options = { connections: number; seconds: number; headers?: Record<string, string>; distinctVisitors?: boolean };

/** One autocannon run on loopback. With distinctVisitors every request is a new person (its own user agent). */
export async function drive(base: string, name: string, path: string, o: Options): Promise<ScenarioResult> {
  let n = 0;
  const result = await autocannon({
    url: `${base}${path}`,
    connections: o.connections,
    duration: o.seconds,
    headers: { "user-agent": PERSON, ...o.headers },
    requests: o.distinctVisitors
      ? [
          {
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, "user-agent": `${PERSON} bench/${++n}` } }),
          },
        ]
      : undefined,
  });
  const ok2xx = result["2xx"];
  return {
    name,
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    sent: result.requests.sent,
    ok2xx,
  };
}

/** A short unmeasured run so caches, JIT and pools are warm before measuring. */
export async function warmUp(base: string, path: string, headers?: Record<string, string>) {
  await autocannon({ url: `${base}${path}`, connections: 10, duration: 3, headers: { "user-agent": PERSON, ...headers } });
}
