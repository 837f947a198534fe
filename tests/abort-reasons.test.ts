// An aborted signal's Error keeps the frames it was made on until its stack is
// read; the server writes the stack out when a signal is aborted, so no frame's
// receiver outlives the abort (lib/process/abort-reasons.ts).
import { describe, expect, it } from "vitest";
import { formatAbortReasons } from "@/lib/process/abort-reasons";

/** Whether V8 still holds an Error's frames: a stack formatter set now is called only for an Error whose stack was not written yet. */
function framesKept(error: Error): boolean {
  const had = Object.getOwnPropertyDescriptor(Error, "prepareStackTrace");
  let called = false;
  Error.prepareStackTrace = (e: Error) => {
    called = true;
    return String(e);
  };
  try {
    void error.stack;
  } finally {
    if (had) Object.defineProperty(Error, "prepareStackTrace", had);
    else Reflect.deleteProperty(Error, "prepareStackTrace");
  }
  return called;
}

describe("abort reasons", () => {
  it("keep their frames until the stack is read, unless the server formats them on abort", () => {
    const plain = new AbortController();
    const before = new Error("aborted before");
    plain.abort(before);
    expect(framesKept(before)).toBe(true);

    formatAbortReasons();
    formatAbortReasons(); // twice changes nothing
    const controller = new AbortController();
    const reason = new Error("aborted");
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(framesKept(reason)).toBe(false);
    expect(reason.stack).toContain("aborted");
    // Other reasons pass through untouched.
    const other = new AbortController();
    other.abort("a string");
    expect(other.signal.reason).toBe("a string");
  });
});
