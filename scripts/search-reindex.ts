// `npm run search:reindex`: rebuilds the whole search index now, with
// progress. Never needed for correctness (the portal indexes every change
// within seconds, lib/search/indexer.ts); for after a change to the tokenizer,
// after a large import, or to see the whole index rebuilt. Safe while the
// portal runs: searches use the old index until the new one is in place.
import { parseEnv } from "@/lib/env";
import { rebuildSearchIndex } from "@/lib/data/search-rebuild";
import { progressPrinter } from "@/lib/import/progress";
import { runScript } from "./lib/run-script";

runScript(async () => {
  if (!parseEnv().DATABASE_URL) throw new Error("DATABASE_URL is not set: the search index lives in the portal's database.");
  const progress = progressPrinter(process.stderr);
  const started = Date.now();
  const report = await rebuildSearchIndex({
    papers: (done, total) => progress.update(done, total),
    step: (what) => {
      progress.end();
      console.error(`${what}...`);
    },
  });
  console.log(
    `Indexed ${report.papers} papers in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(documents ${report.fillSeconds.toFixed(1)} s, indexes ${report.indexSeconds.toFixed(1)} s).`,
  );
});
