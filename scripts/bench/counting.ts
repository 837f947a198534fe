// Counting's price (issue 19 item 5): the same article on a server that counts
// views and on one that does not, started alike and differing only in
// VIEW_COUNTING.
//
// Both servers are driven at the same time, half of the connections each, in
// every pair. Taking turns (20 s off, then 20 s on) left each pair to a
// machine whose speed swings by more than counting costs: the two halves of
// one pair differed by up to 20 % in CPU time per request, either way, on the
// shared machines here (2026-12-02: pairs from -6.9 % to +13.5 %). Side by side,
// whatever slows the machine slows both alike, and what is left between them
// is the counting.
//
// Two kinds of article request are priced: one paper asked for again and
// again, which the page copy answers (the cheapest answer the portal gives,
// so counting's largest share), and a day's readers spread over the whole
// catalogue by Zipf's law, answered mostly from the stored pages.
import { drive, warmUp, WARM_UP_HEADERS, type ScenarioResult } from "./load";
import { startDeployment } from "./deployment";
import { pct, round3 } from "./figures";
import type { ReaderRequest } from "./readers";

/** What a pair's two runs ask for: `path` again and again, or `requests` in turn. */
export type CountingScenario = { name: string; path: string; requests?: ReaderRequest[] };
export type CountingPair = { scenario: string; on: ScenarioResult; off: ScenarioResult };

export type CountingOptions = {
  pairs: number;
  seconds: number;
  /** Connections of the pair together: each server gets half. */
  connections: number;
  instances: number;
  /** The two deployments take port + 1 (not counting) and port + 2 (counting). */
  port: number;
  env: Record<string, string>;
  /** Each pair runs every scenario, one after the other. */
  scenarios: CountingScenario[];
  /** Every view the catalogue has counted so far, and the views `sent` requests after `before` should have added and did not. */
  views: { total(): Promise<number>; lost(before: number, sent: number): Promise<number> };
  log: (message: string) => void;
};

/**
 * Two deployments started alike, on port + 1 and port + 2, each with its own
 * variables on top of the run's: neither is left running if the other fails.
 */
export async function startTwo(
  o: Pick<CountingOptions, "instances" | "port" | "env">,
  first: Record<string, string>,
  second: Record<string, string>,
) {
  const a = await startDeployment(o.instances, o.port + 1, { ...o.env, ...first });
  const b = await startDeployment(o.instances, o.port + 2, { ...o.env, ...second }).catch(async (e: unknown) => {
    await a.stop();
    throw e;
  });
  return [a, b] as const;
}

/** Counting on, with folding every 5 s. */
export const COUNTING = { VIEW_COUNTING: "true", STATS_FOLD_INTERVAL_SECONDS: "5" };

/** A quiet and a counting deployment, started alike, differing only in VIEW_COUNTING. */
async function startPair(o: CountingOptions) {
  const [quiet, counting] = await startTwo(o, { VIEW_COUNTING: "false" }, COUNTING);
  return { counting, quiet };
}

/**
 * Runs the pairs; returns them, the views each counting run lost, and the peak memory of either server.
 *
 * Every pair starts its two servers afresh. With one counting and one quiet
 * process for the whole run, all its pairs shared whatever those two processes
 * happened to be (their code as V8 optimized it, their heaps, where the system
 * put them): on 2026-12-05 one run's pairs all lay between 6.1 and 8.4 % and
 * the next run's median, same code, was 1.7 %. A new pair of processes each
 * time makes that variation part of the spread, which then shows it, instead
 * of a bias shared by every pair of a run; pairs of several runs can be
 * pooled. (New processes scatter as widely: README Performance.)
 */
export async function countingPairs(o: CountingOptions) {
  const pairs: CountingPair[] = [];
  const lostViews: Record<string, number> = {};
  let peakMb = 0;
  for (let i = 0; i < o.pairs; i++) {
    const { counting, quiet } = await startPair(o);
    try {
      for (const s of o.scenarios)
        await Promise.all([warmUp(quiet.url, s.path, WARM_UP_HEADERS), warmUp(counting.url, s.path, WARM_UP_HEADERS)]);
      const each = Math.max(1, Math.floor(o.connections / 2));
      for (const s of o.scenarios) {
        const before = await o.views.total();
        const cpu = { off: quiet.cpuMs(), on: counting.cpuMs() };
        o.log(`${s.name}, counting off and on side by side (pair ${i + 1}): ${o.seconds} s at ${each} connections each`);
        const run = (on: boolean) =>
          drive((on ? counting : quiet).url, `${s.name}, counting ${on ? "on" : "off"} (pair ${i + 1})`, s.path, {
            seconds: o.seconds,
            connections: each,
            distinctVisitors: true,
            ...(s.requests ? { requests: s.requests } : {}),
          });
        // Which one starts first (by microseconds) alternates, so that it cannot lean one way.
        const offFirst = i % 2 === 0;
        const first = run(!offFirst);
        const second = run(offFirst);
        const [off, on] = await Promise.all(offFirst ? [first, second] : [second, first]);
        // Requests still in flight when the run stops are served (and counted) all the
        // same: compare with all sent. Folding the run's views is part of its CPU time,
        // so both servers' CPU is read after the fold (the quiet one idles meanwhile).
        lostViews[on.name] = await o.views.lost(before, on.sent);
        off.cpuMsPerRequest = (quiet.cpuMs() - cpu.off) / off.sent;
        on.cpuMsPerRequest = (counting.cpuMs() - cpu.on) / on.sent;
        off.serverPeakMb = quiet.peakMemoryMb();
        on.serverPeakMb = counting.peakMemoryMb();
        pairs.push({ scenario: s.name, off, on });
      }
    } finally {
      peakMb = Math.max(peakMb, counting.peakMemoryMb(), quiet.peakMemoryMb());
      await Promise.all([counting.stop(), quiet.stop()]);
    }
  }
  return { pairs, lostViews, peakMb };
}

function median(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
export const spread = (xs: number[]) => ({
  median: round3(median(xs)),
  min: round3(Math.min(...xs)),
  max: round3(Math.max(...xs)),
});

/** Counting's price over one scenario's pairs: its share of CPU per request and of throughput, median and spread, and the CPU times. */
function scenarioCost(pairs: CountingPair[]) {
  return {
    pairs: pairs.length,
    /** Per pair, how much more CPU a request takes on the counting server. */
    cpuPerRequest: spread(pairs.map((p) => 1 - p.off.cpuMsPerRequest! / p.on.cpuMsPerRequest!)),
    /** Per pair, how much less the counting server serves. */
    throughput: spread(pairs.map((p) => 1 - p.on.requestsPerSecond / p.off.requestsPerSecond)),
    cpuMsPerRequest: {
      on: round3(median(pairs.map((p) => p.on.cpuMsPerRequest!))),
      off: round3(median(pairs.map((p) => p.off.cpuMsPerRequest!))),
    },
  };
}

export type CountingCost = ReturnType<typeof scenarioCost>;

/** `cost` of each scenario's measurements, by the scenario's name. */
export function byScenario<T extends { scenario: string }, C>(items: T[], cost: (of: T[]) => C): Record<string, C> {
  const names = [...new Set(items.map((i) => i.scenario))];
  return Object.fromEntries(names.map((name) => [name, cost(items.filter((i) => i.scenario === name))]));
}

/** Counting's price in each scenario, by the scenario's name. */
export function countingCost(pairs: CountingPair[]): Record<string, CountingCost> {
  return byScenario(pairs, scenarioCost);
}

/** One line: counting's price in each scenario, median and spread. */
export function countingLine(costs: Record<string, CountingCost>) {
  const each = Object.entries(costs).map(
    ([name, cost]) =>
      `${name}: ${pct(cost.cpuPerRequest.median)} of CPU per request (pairs ${pct(cost.cpuPerRequest.min)} to ${pct(cost.cpuPerRequest.max)}; ${cost.cpuMsPerRequest.on} against ${cost.cpuMsPerRequest.off} ms), ${pct(cost.throughput.median)} of throughput (${pct(cost.throughput.min)} to ${pct(cost.throughput.max)})`,
  );
  return `counting costs, ${each.join("; ")}`;
}
