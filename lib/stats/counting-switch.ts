// Counting paused and resumed in a running server, for one purpose: the
// benchmark's crossover (scripts/bench/crossover.ts), which prices counting by
// switching it off and on in the same two processes, so that what differs
// between two processes (their code as V8 optimized it, their heaps) is not
// taken for counting's cost. Only a parent that started the server with an IPC
// channel can switch it; `npm start`, systemd and containers open none, so in
// production nothing here listens and counting is as VIEW_COUNTING says (a
// process manager that does open one, as pm2 does, sends no such message).

/** The message that switches counting, and the answer once it is switched. */
export type CountingSwitch = { type: "perspectives:counting"; counting: boolean };

// Read on every page view by countUse (the app's bundle) and written by the server's: one slot for both.
const slot = globalThis as { perspectivesCountingPaused?: boolean };

/** Whether the benchmark has paused counting in this process. */
export function countingPaused(): boolean {
  return slot.perspectivesCountingPaused === true;
}

function isCountingSwitch(message: unknown): message is CountingSwitch {
  const m = message as Partial<CountingSwitch> | null;
  return typeof m === "object" && m !== null && m.type === "perspectives:counting" && typeof m.counting === "boolean";
}

/**
 * Listens for switches from the parent, when it opened an IPC channel: each
 * one pauses or resumes counting and is answered with itself once it holds,
 * so that the parent's next request is counted as it asked. Any other message
 * is left to whoever else listens.
 */
export function listenForCountingSwitch(): void {
  if (!process.send || !process.channel) return;
  process.on("message", (message: unknown) => {
    if (!isCountingSwitch(message)) return;
    slot.perspectivesCountingPaused = !message.counting;
    process.send?.(message);
  });
}
