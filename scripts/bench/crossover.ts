// Counting's price in a crossover (issue 19 item 5): two servers, both started
// with VIEW_COUNTING, side by side; in each window one counts and the other is
// paused (lib/stats/counting-switch.ts), and in the next window they swap.
//
// Between pairs of new processes (counting.ts) counting's share scattered from
// 1.6 to 10.3 % on 2026-12-05, while counting's own code took about 6-7 µs of a
// 290 µs request in a CPU profile: what varies between two processes is more
// than counting costs. Here each process is measured against itself, and each
// window against the other process in the same seconds. Within window w the
// counting process's CPU per request over the paused one's is counting's
// factor times the ratio of the two processes; in the next window, with the
// roles swapped, it is the factor over that ratio. Their product is the factor
// squared: neither the processes' difference nor the machine's speed in those
// seconds is left in it.
import { drive, warmUp, WARM_UP_HEADERS } from "./load";
import { pct } from "./figures";
import { byScenario, COUNTING, spread, startTwo, type CountingOptions } from "./counting";
import type { BenchServer } from "./server";

/** One process's share of a window: its CPU time and what it served. */
type Side = { counting: boolean; cpuMs: number; sent: number; requestsPerSecond: number };
export type CrossoverWindow = { scenario: string; processes: number; window: number; a: Side; b: Side };

// After a window the counting process still hashes and writes its last views (within 25 and
// 200 ms: lib/stats/record.ts, usage-writer.ts); they are its window's, so its CPU is read after.
const SETTLE_MS = 400;
const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));

type Options = Omit<CountingOptions, "pairs"> & {
  /** Pairs of processes, each started afresh. */
  processes: number;
  /** Windows per scenario and pair of processes (an even number: each ends a swap). */
  windows: number;
};

/** Runs the windows; returns them, the views lost in each scenario, and the peak memory of either server. */
export async function countingCrossover(o: Options) {
  const windows: CrossoverWindow[] = [];
  const lostViews: Record<string, number> = {};
  let peakMb = 0;
  for (let p = 0; p < o.processes; p++) {
    const [a, b] = await startTwo(o, COUNTING, COUNTING);
    try {
      for (const s of o.scenarios)
        await Promise.all([warmUp(a.url, s.path, WARM_UP_HEADERS), warmUp(b.url, s.path, WARM_UP_HEADERS)]);
      const each = Math.max(1, Math.floor(o.connections / 2));
      for (const s of o.scenarios) {
        const before = await o.views.total();
        let counted = 0;
        o.log(`${s.name}, crossover (processes ${p + 1}): ${o.windows} windows of ${o.seconds} s, ${each} connections each`);
        for (let w = 0; w < o.windows; w++) {
          // Which process counts first alternates between pairs of processes, so that it cannot lean one way.
          const aCounts = (w + p) % 2 === 0;
          await Promise.all([a.setCounting(aCounts), b.setCounting(!aCounts)]);
          const run = (server: BenchServer, counting: boolean, name: string) =>
            drive(server.url, `${s.name}, ${name} ${counting ? "counting" : "paused"} (window ${w + 1})`, s.path, {
              seconds: o.seconds,
              connections: each,
              distinctVisitors: true,
              ...(s.requests ? { requests: s.requests } : {}),
            });
          const cpu = { a: a.cpuMs(), b: b.cpuMs() };
          const [ra, rb] = await Promise.all([run(a, aCounts, "A"), run(b, !aCounts, "B")]);
          await settle();
          const side = (server: BenchServer, counting: boolean, r: typeof ra, from: number): Side => ({
            counting,
            cpuMs: server.cpuMs() - from,
            sent: r.sent,
            requestsPerSecond: r.requestsPerSecond,
          });
          windows.push({
            scenario: s.name,
            processes: p + 1,
            window: w + 1,
            a: side(a, aCounts, ra, cpu.a),
            b: side(b, !aCounts, rb, cpu.b),
          });
          counted += aCounts ? ra.sent : rb.sent;
        }
        // Every view sent in a counting window, and none of a paused one's (negative: more were counted).
        lostViews[`${s.name}, crossover (processes ${p + 1})`] = await o.views.lost(before, counted);
      }
    } finally {
      peakMb = Math.max(peakMb, a.peakMemoryMb(), b.peakMemoryMb());
      await Promise.all([a.stop(), b.stop()]);
    }
  }
  return { windows, lostViews, peakMb };
}

/** Counting's factor from two windows with the roles swapped: the square root of the two counting-over-paused ratios' product. */
function factor(first: CrossoverWindow, second: CrossoverWindow, measure: (s: Side) => number) {
  const ratio = (w: CrossoverWindow) => {
    const [on, off] = w.a.counting ? [w.a, w.b] : [w.b, w.a];
    return measure(on) / measure(off);
  };
  return Math.sqrt(ratio(first) * ratio(second));
}

/** Counting's price over one scenario's windows, a figure for each two windows that swapped roles: median and spread. */
function scenarioCost(windows: CrossoverWindow[]) {
  const swaps: [CrossoverWindow, CrossoverWindow][] = [];
  for (let i = 0; i + 1 < windows.length; i += 2) {
    const [first, second] = [windows[i]!, windows[i + 1]!];
    if (first.processes === second.processes) swaps.push([first, second]);
  }
  const cpuPerRequest = (s: Side) => s.cpuMs / s.sent;
  return {
    swaps: swaps.length,
    /** Per swap, how much more CPU a request takes when its process counts. */
    cpuPerRequest: spread(swaps.map(([x, y]) => 1 - 1 / factor(x, y, cpuPerRequest))),
    /** Per swap, how much less a process serves when it counts. */
    throughput: spread(swaps.map(([x, y]) => 1 - factor(x, y, (s) => s.requestsPerSecond))),
  };
}

export type CrossoverCost = ReturnType<typeof scenarioCost>;

/** Counting's price in each scenario, by the scenario's name. */
export function crossoverCost(windows: CrossoverWindow[]): Record<string, CrossoverCost> {
  return byScenario(windows, scenarioCost);
}

/** One line: counting's price in each scenario by the crossover, median and spread. */
export function crossoverLine(costs: Record<string, CrossoverCost>) {
  const each = Object.entries(costs).map(
    ([name, c]) =>
      `${name}: ${pct(c.cpuPerRequest.median)} of CPU per request (${c.swaps} swaps, ${pct(c.cpuPerRequest.min)} to ${pct(c.cpuPerRequest.max)}), ${pct(c.throughput.median)} of throughput (${pct(c.throughput.min)} to ${pct(c.throughput.max)})`,
  );
  return `counting costs, in the same processes (crossover), ${each.join("; ")}`;
}
