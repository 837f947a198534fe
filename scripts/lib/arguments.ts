/**
 * A command's arguments, checked before it does anything: `--help` prints the
 * usage and exits 0; an argument the command does not take stops it with the
 * usage. A long rebuild or a reset must not start because of a typo or a
 * `--help` it did not know.
 */
export function commandArguments(usage: string, accepted: { flags?: readonly string[]; positional?: number } = {}) {
  exitWithUsageOnHelp(usage);
  const args = process.argv.slice(2);
  const flags = new Set(accepted.flags ?? []);
  const unknown = args.filter((a) => a.startsWith("-") && !flags.has(a));
  const positional = args.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(", ")}. ${usage}`);
  const extra = positional.slice(accepted.positional ?? 0);
  if (extra.length > 0) throw new Error(`Unexpected argument ${extra.join(" ")}. ${usage}`);
  return { flags: new Set(args.filter((a) => flags.has(a))), positional };
}

/** `--help` or `-h` anywhere: prints the usage and exits 0, before anything else is looked at. */
export function exitWithUsageOnHelp(usage: string) {
  const args = process.argv.slice(2);
  if (!args.includes("--help") && !args.includes("-h")) return;
  console.log(usage);
  process.exit(0);
}
