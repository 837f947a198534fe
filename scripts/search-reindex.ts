// `npm run search:reindex`: rebuilds the whole search index now, with
// progress. Never needed for correctness (the portal indexes every change
// within seconds, lib/search/indexer.ts); for after a change to the tokenizer,
// after a large import, or to see the whole index rebuilt. Safe while the
// portal runs: searches use the old index until the new one is in place.
// Ctrl-C or SIGTERM stops it and leaves the live index as it was.
import { parseEnv } from "@/lib/env";
import { RebuildInterrupted, rebuildSearchIndex } from "@/lib/data/search-rebuild";
import { progressPrinter, sharePrinter } from "@/lib/import/progress";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";
import { stopOnSignal } from "./lib/stop-on-signal";

runScript(async () => {
  commandArguments("Usage: npm run search:reindex (rebuilds the whole search index; it takes no arguments)");
  if (!parseEnv().DATABASE_URL) throw new Error("DATABASE_URL is not set: the search index lives in the portal's database.");
  const progress = progressPrinter(process.stderr);
  const started = Date.now();
  const stopping = stopOnSignal("stopping; the live search index stays as it was");
  // The line being redrawn (the papers', then the indexes'), closed before the next step is said.
  let line: { end(): void } | undefined = progress;
  let share: ReturnType<typeof sharePrinter> | undefined;
  const rebuilt = rebuildSearchIndex({
    signal: stopping.signal,
    papers: (done, total) => progress.update(done, total),
    step: (what) => {
      line?.end();
      line = share = undefined;
      console.error(`${what}...`);
    },
    indexShare: (s) => {
      line = share ??= sharePrinter(process.stderr, (percent) => `  ${percent}% of the indexes built`);
      share.update(s);
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
