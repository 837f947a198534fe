/**
 * Ctrl-C or SIGTERM asks a long command to stop where it safely can: the
 * returned signal aborts and `message` says what stopping keeps. A second
 * signal does not wait (exit 130). `exitCode()` is what the command ends with
 * once it stopped: 130 after Ctrl-C, 143 after SIGTERM, as shells report them.
 */
export function stopOnSignal(message: string) {
  const abort = new AbortController();
  let signalled: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(130);
    signalled = signal;
    console.error(`\n${signal}: ${message} (press Ctrl-C again to stop at once)…`);
    abort.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return { signal: abort.signal, exitCode: () => (signalled === "SIGTERM" ? 143 : 130) };
}
