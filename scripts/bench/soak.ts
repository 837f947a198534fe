// `npm run bench -- --soak 15m`: the mixed reader scenario at half the rate
// the portal reached at full speed, for a long while, watching the memory of
// the portal's processes: it must settle (at the end within 10 % of its level
// after the first minute), with no error and no view lost.
import { drive, type ScenarioResult } from "./load";
import type { ReaderRequest } from "./readers";
import type { BenchServer } from "./server";

const SAMPLE_EVERY_MS = 5_000;
const SETTLED_AFTER_S = 60;

export type SoakResult = {
  seconds: number;
  requestsPerSecond: number;
  run: ScenarioResult;
  memoryAfterFirstMinuteMb: number;
  memoryAtEndMb: number;
  /** At the end against after the first minute: the target is at most 0.10. */
  memoryGrowth: number;
  /** Every sample, for a look at the curve. */
  samples: { second: number; mb: number }[];
};

/** Parses `15m`, `90s` or `1h` into seconds. */
export function soakSeconds(text: string): number {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  if (!m) throw new Error(`--soak takes a duration such as 15m, 90s or 1h, not "${text}".`);
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as "s" | "m" | "h"];
  if (seconds <= SETTLED_AFTER_S)
    throw new Error(`--soak must last more than ${SETTLED_AFTER_S} s: memory is compared with its level after the first minute.`);
  return seconds;
}

export async function soak(server: BenchServer, requests: ReaderRequest[], seconds: number, rate: number): Promise<SoakResult> {
  const samples: { second: number; mb: number }[] = [];
  const started = Date.now();
  const sample = () => samples.push({ second: Math.round((Date.now() - started) / 1000), mb: server.residentMb() });
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  try {
    const run = await drive(server.url, "soak (mixed, half speed)", requests[0]!.path, {
      connections: 20,
      seconds,
      requests,
      distinctVisitors: true,
      rate,
    });
    sample();
    const settled = samples.find((s) => s.second >= SETTLED_AFTER_S)!;
    const end = samples.at(-1)!;
    return {
      seconds,
      requestsPerSecond: run.requestsPerSecond,
      run,
      memoryAfterFirstMinuteMb: settled.mb,
      memoryAtEndMb: end.mb,
      memoryGrowth: Number((end.mb / settled.mb - 1).toFixed(3)),
      samples,
    };
  } finally {
    clearInterval(sampler);
  }
}
