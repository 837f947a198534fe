// Storing papers' pages ahead of readers waits until no reader is being answered
// and none has been for a moment (server/reader-activity.ts): readers asking
// back to back must not find a page being stored ahead between their requests.
import { describe, expect, it } from "vitest";
import { readerActivity } from "@/server/reader-activity";

describe("readers' activity, as storing ahead sees it", () => {
  it("is quiet before any reader", () => {
    expect(readerActivity(() => 0).busy(500)).toBe(false);
  });

  it("is busy while a reader is answered, and for the quiet time after the last one", () => {
    let now = 1_000;
    const readers = readerActivity(() => now);
    readers.begin();
    readers.begin();
    now += 5_000;
    expect(readers.busy(500)).toBe(true);
    readers.end();
    // One still in flight.
    expect(readers.busy(500)).toBe(true);
    readers.end();
    // Back to back: the next reader's request comes a fraction of a millisecond later.
    now += 0.3;
    expect(readers.busy(500)).toBe(true);
    now += 499;
    expect(readers.busy(500)).toBe(true);
    now += 1;
    expect(readers.busy(500)).toBe(false);
  });

  it("starts the quiet time again with each reader answered", () => {
    let now = 0;
    const readers = readerActivity(() => now);
    for (let i = 0; i < 10; i++) {
      readers.begin();
      now += 50;
      readers.end();
      now += 100;
      expect(readers.busy(500)).toBe(true);
    }
    now += 400;
    expect(readers.busy(500)).toBe(false);
  });
});
