// When a long-running process (the launcher, the portal's server) should shut
// down: on a signal, or when it has been orphaned. A parent that dies without
// passing its signal on (a shell between npm and node, a launcher killed
// outright) leaves its child with a new parent; left alone, that child would
// hold the port for ever.

export type StopReason = "SIGINT" | "SIGTERM" | "SIGHUP" | "orphaned";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Calls `onStop` for every stop request: each signal (a terminal's Ctrl-C
 * reaches every process of the group, so one request may arrive several
 * times: the handler must be idempotent), and once when the parent is gone.
 * Returns a function that stops listening (the launcher, handing its process
 * over to the server, which listens in its own way).
 */
export function onStopRequest(onStop: (reason: StopReason) => void, { checkEveryMs = 1000 } = {}): () => void {
  const listeners = SIGNALS.map((signal) => {
    const listener = () => onStop(signal);
    process.on(signal, listener);
    return () => void process.off(signal, listener);
  });
  const parent = process.ppid;
  // A parent of 0 or 1 at start is a container's init or a daemon's: there is none to lose.
  const watch =
    parent <= 1
      ? undefined
      : setInterval(() => {
          if (process.ppid === parent) return;
          clearInterval(watch);
          onStop("orphaned");
        }, checkEveryMs);
  // Watching must not keep an otherwise finished process alive.
  watch?.unref();
  return () => {
    for (const stopListening of listeners) stopListening();
    clearInterval(watch);
  };
}
