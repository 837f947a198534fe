// What the long commands (`npm run import`, `npm run search:reindex`) print
// while they work: a line redrawn on a terminal, a few plain lines in a log.
import { describe, expect, it } from "vitest";
import { sharePrinter } from "@/lib/import/progress";

/** A stream that keeps what is written to it, as a terminal or as a log file. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  const out = { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  return { out, written };
}

describe("sharePrinter (an index build's progress)", () => {
  it("writes a line at each tenth reached into a log, not at every report", () => {
    // Arrange
    const { out, written } = stream(false);
    const printer = sharePrinter(out, (p) => `${p}% read`);

    // Act
    for (const share of [0.05, 0.12, 0.15, 0.31, 0.39, 1]) printer.update(share);
    printer.end();

    // Assert
    expect(written).toEqual(["12% read\n", "31% read\n", "100% read\n"]);
  });

  it("redraws one line on a terminal, and closes it once at the end", () => {
    // Arrange
    const { out, written } = stream(true);
    const printer = sharePrinter(out, (p) => `${p}% read`);

    // Act
    printer.update(0.05);
    printer.update(0.5);
    printer.end();
    printer.end();

    // Assert
    expect(written).toEqual(["\r\x1b[2K5% read", "\r\x1b[2K50% read", "\n"]);
  });

  it("closes nothing on a terminal when nothing was drawn", () => {
    const { out, written } = stream(true);
    sharePrinter(out, (p) => `${p}%`).end();
    expect(written).toEqual([]);
  });
});
