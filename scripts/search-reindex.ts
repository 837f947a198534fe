// `npm run search:reindex`: rebuilds the whole search index now, with
// progress. Never needed for correctness (the portal indexes every change
// within seconds, lib/search/indexer.ts); for after a change to the tokenizer,
// after a large import, or to see the whole index rebuilt. Safe while the
// portal runs: searches use the old index until the new one is in place.
// Ctrl-C or SIGTERM stops it and leaves the live index as it was.
import { parseEnv } from "@/lib/env";
import { RebuildInterrupted, rebuildSearchIndex } from "@/lib/data/search-rebuild";
import { progressPrinter } from "@/lib/import/progress";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";
import { stopOnSignal } from "./lib/stop-on-signal";

runScript(async () => {
  commandArguments("Usage: npm run search:reindex (rebuilds the whole search index; it takes no arguments)");
  if (!parseEnv().DATABASE_URL) throw new Error("DATABASE_URL is not set: the search index lives in the portal's database.");
  const progress = progressPrinter(process.stderr);
  const started = Date.now();
  const stopping = stopOnSignal("stopping; the live search index stays as it was");
  const tty = process.stderr.isTTY;
  let papersEnded = false;
  let percentLineOpen = false;
  let shown = 0;
  const rebuilt = rebuildSearchIndex({
    signal: stopping.signal,
    papers: (done, total) => progress.update(done, total),
    step: (what) => {
      if (!papersEnded) progress.end();
      if (percentLineOpen) process.stderr.write("\n");
      papersEnded = true;
      percentLineOpen = false;
      shown = 0;
      console.error(`${what}...`);
    },
    // On a terminal one line redrawn; in a log, a line every tenth.
    indexShare: (share) => {
      const percent = Math.floor(share * 100);
      if (tty) {
        process.stderr.write(`\r\x1b[2K  ${percent}% of the table read`);
        percentLineOpen = true;
      } else if (Math.floor(percent / 10) > Math.floor(shown / 10)) console.error(`  ${percent}% of the table read`);
      shown = percent;
    },
  });
  const report = await rebuilt.catch((e: unknown) => {
    if (!(e instanceof RebuildInterrupted)) throw e;
    console.error(e.message);
    return null;
  });
  if (!report) {
    process.exitCode = stopping.exitCode();
    return;
  }
  console.log(
    `Indexed ${report.papers} papers in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(documents ${report.fillSeconds.toFixed(1)} s, indexes ${report.indexSeconds.toFixed(1)} s).`,
  );
});
