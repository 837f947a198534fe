import { databaseSetupProblem, describeDatabaseError, isDatabaseUnavailable, type DatabaseSetupProblem } from "@/lib/db-errors";
import { EnvError } from "@/lib/env";

// What the operator can do about a database that is not there or not set up:
// said in one line instead of the driver's error and its call site.
const SETUP_ADVICE: Record<DatabaseSetupProblem, string> = {
  "missing-database":
    "The database named in DATABASE_URL does not exist: create it (createdb NAME), then run `npm run db:migrate`.",
  "missing-tables":
    "The database in DATABASE_URL has not been set up for the portal: run `npm run db:migrate` (starting the portal does it too).",
  "refused-credentials": "PostgreSQL refused the user name or password in DATABASE_URL.",
};

/** The one line a failed script ends with. */
export function failureLine(error: unknown): string {
  if (error instanceof EnvError) return error.message;
  const problem = databaseSetupProblem(error);
  // The missing table is named too: on a database migrated by an older version, it says which step is missing.
  if (problem === "missing-tables") return `Error: ${SETUP_ADVICE[problem]} The database said: ${describeDatabaseError(error)}`;
  if (problem) return `Error: ${SETUP_ADVICE[problem]}`;
  if (isDatabaseUnavailable(error))
    return `Error: the database in DATABASE_URL cannot be reached (${describeDatabaseError(error)}): is PostgreSQL running there?`;
  return `Error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs a CLI entry point: one clear line on failure, and an explicit exit so idle pools cannot hold the process. */
export function runScript(main: () => Promise<unknown>) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(failureLine(error));
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}
