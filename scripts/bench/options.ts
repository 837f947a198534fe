// A benchmark's options, checked before it builds or generates anything: a
// typo must not cost a build and a catalogue before it fails, and what is
// wrong is said in one line with the usage, not as a stack.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { exitWithUsageOnHelp } from "../lib/arguments";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Stops the benchmark with one line (and the usage), before it has started anything. */
export function refuse(message: string, usage: string): never {
  console.error(`[bench] ${message}\n${usage}`);
  process.exit(1);
}

/** The options as parsed; `--help` prints the usage and exits 0, an unknown option or a missing value stops it. */
export function benchOptions<O extends Options>(usage: string, options: O) {
  exitWithUsageOnHelp(usage);
  try {
    return parseArgs({ options, allowPositionals: false }).values;
  } catch (error) {
    refuse((error as Error).message, usage);
  }
}

/** A whole number from `min` to `max` given as `name`. */
export function wholeNumber(usage: string, name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    refuse(
      `${name} takes a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : " up"}, not "${text}".`,
      usage,
    );
  return n;
}
