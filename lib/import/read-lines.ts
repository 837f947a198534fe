import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export type SourceLine = { line: number; text: string };

/** The non-blank lines of a JSONL file, one at a time: the archive is never held in memory. */
export async function* readLines(file: string): AsyncGenerator<SourceLine> {
  const input = createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      // A UTF-8 byte-order mark some editors write would make the first line invalid JSON.
      const text = (line === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
      if (text !== "") yield { line, text };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
