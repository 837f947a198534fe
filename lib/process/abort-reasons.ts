// An Error keeps the frames of the stack it was made on (receivers included)
// until its `stack` is first read. Next.js aborts each request's cache signal
// with an Error made inside a setImmediate callback, and the signal lives on
// wherever the request's stores do (a stream, a promise that outlives it):
// that frame's Immediate keeps, through stale links, every Immediate of its
// batch and their requests' stores, which keep their own signals' Errors, and
// so on through every later request (nodejs/node#66129). Reading the stack
// when a signal is aborted turns the frames into text and lets all that go.

const PATCHED = Symbol.for("perspectives.abortReasonsFormatted");
const slot = AbortController.prototype as AbortController & { [PATCHED]?: true };

/** From now on, an Error given as an abort reason has its stack written out at once. Idempotent. */
export function formatAbortReasons(): void {
  if (slot[PATCHED]) return;
  const descriptor = Object.getOwnPropertyDescriptor(AbortController.prototype, "abort");
  const abort = descriptor?.value as ((this: AbortController, reason?: unknown) => void) | undefined;
  if (!abort) return;
  Object.defineProperty(AbortController.prototype, "abort", {
    ...descriptor,
    value: function (this: AbortController, reason?: unknown) {
      if (reason instanceof Error) void reason.stack;
      abort.call(this, reason);
    },
  });
  slot[PATCHED] = true;
}
