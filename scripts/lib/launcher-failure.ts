import { EnvError } from "@/lib/env";

/** The one line `npm start` prints when it cannot go on: a bad setting as the check words it, anything else tagged. */
export function launcherFailure(error: unknown): string {
  return error instanceof EnvError ? error.message : `[perspectives] ${(error as Error).message}`;
}
