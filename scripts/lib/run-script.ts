import { EnvError } from "@/lib/env";

/** Runs a CLI entry point: one clear line on failure, and an explicit exit so idle pools cannot hold the process. */
export function runScript(main: () => Promise<unknown>) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof EnvError ? message : `Error: ${message}`);
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}
