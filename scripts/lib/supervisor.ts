// The launcher's children (`next build`, then the portal's server), one at a
// time, and what happens when the launcher is asked to stop: the request is
// passed on to the running child, which shuts down in its own way (the server
// finishes its requests and writes its buffered views); a child that has not
// exited after KILL_AFTER_MS is killed, so nothing outlives the launcher.
import { spawn, type ChildProcess } from "node:child_process";
import { onStopRequest, type StopReason } from "@/lib/process/stop-requests";

// The server drains for at most 8 s (server/connections.ts), then flushes and exits.
const KILL_AFTER_MS = 15_000;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export class Supervisor {
  private child: ChildProcess | undefined;
  private childMayBeKilled = true;
  private killTimer: NodeJS.Timeout | undefined;
  private readonly stopListening: () => void;
  /** Why the launcher is stopping, once it is. */
  stopping: StopReason | null = null;

  /**
   * @param whileIdle called when a stop is requested and no child runs (the
   *   launcher is still opening the embedded database): it cleans up and exits.
   */
  constructor(
    private readonly log: (m: string) => void,
    private readonly whileIdle: () => void,
  ) {
    this.stopListening = onStopRequest((reason) => this.stop(reason));
  }

  /** Stops listening for stop requests: the launcher's process is handed over to the server, which listens itself. */
  release() {
    this.stopListening();
  }

  private stop(reason: StopReason) {
    const first = this.stopping === null;
    this.stopping ??= reason;
    if (first && reason === "orphaned") this.log("The process that started this one is gone: stopping.");
    const child = this.child;
    if (!child) {
      if (first) this.whileIdle();
      return;
    }
    // Every request is passed on: a child may have been started between two of them.
    child.kill(reason === "orphaned" ? "SIGTERM" : reason);
    if (!this.childMayBeKilled) return;
    this.killTimer ??= setTimeout(() => {
      this.log(
        `Process ${child.pid} (${child.spawnargs.slice(1).join(" ")}) did not stop within ${KILL_AFTER_MS / 1000} s: killing it.`,
      );
      child.kill("SIGKILL");
    }, KILL_AFTER_MS);
  }

  /**
   * Runs Node with these arguments; resolves when it exits.
   * @param opts.mayBeKilled false for a child that stops on its own at a safe
   *   point however long that takes (the database preparation: a migration
   *   cut in half may leave the database half changed).
   */
  run(args: string[], env: NodeJS.ProcessEnv, { mayBeKilled = true } = {}): Promise<Exit> {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    this.child = child;
    this.childMayBeKilled = mayBeKilled;
    return new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.child = undefined;
        clearTimeout(this.killTimer);
        this.killTimer = undefined;
        resolve({ code, signal });
      });
    });
  }
}
